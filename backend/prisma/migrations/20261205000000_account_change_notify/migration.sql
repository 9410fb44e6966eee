-- Every app instance caches accounts (exists? admin?) and must hear when one is deleted or its admin flag changes,
-- whoever changes it (the admin API, another instance, an operator's SQL). Delivered at commit; see ADR 0014.
CREATE FUNCTION notify_account_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('liftplan_account_changed', OLD.id::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_admin_flag_changed
  AFTER UPDATE OF is_admin ON users
  FOR EACH ROW WHEN (OLD.is_admin IS DISTINCT FROM NEW.is_admin)
  EXECUTE FUNCTION notify_account_changed();

CREATE TRIGGER users_deleted
  AFTER DELETE ON users
  FOR EACH ROW
  EXECUTE FUNCTION notify_account_changed();
