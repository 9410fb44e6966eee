import fs from 'node:fs';
import type pg from 'pg';
import type { Logger } from 'pino';

/** Methods that send the password in clear (`password`), use MD5, or check nothing (`trust`). */
const WEAK_METHODS = new Set(['password', 'md5', 'trust']);

/**
 * Clusters created by earlier versions accept the cleartext `password` method and may hold an MD5-stored password.
 * Store the password as a SCRAM verifier first (while the old method still lets us in), then require SCRAM.
 */
export async function requireScramAuthentication(client: pg.Client, password: string, log: Logger): Promise<void> {
  await storePasswordAsScram(client, password, log);
  await requireScramInHbaFile(client, log);
}

async function storePasswordAsScram(client: pg.Client, password: string, log: Logger): Promise<void> {
  const { rows } = await client.query<{ scram: boolean }>(
    "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = current_user",
  );
  if (rows[0]?.scram) return;
  await client.query("SET password_encryption = 'scram-sha-256'");
  await client.query(`ALTER ROLE CURRENT_USER PASSWORD ${client.escapeLiteral(password)}`);
  log.warn('embedded PostgreSQL: password now stored as a SCRAM-SHA-256 verifier');
}

async function requireScramInHbaFile(client: pg.Client, log: Logger): Promise<void> {
  const { rows } = await client.query<{ hba_file: string }>('SHOW hba_file');
  const file = rows[0]!.hba_file;
  const before = fs.readFileSync(file, 'utf8');
  const after = requireScramInHba(before);
  if (after === before) return;
  fs.writeFileSync(file, after); // in place, so it stays owned by the OS user PostgreSQL runs as
  await client.query('SELECT pg_reload_conf()');
  log.warn({ file }, 'embedded PostgreSQL: pg_hba.conf now requires scram-sha-256 (was password/md5/trust)');
}

/** pg_hba.conf text with every weak method replaced by scram-sha-256; comments and layout are kept. */
export function requireScramInHba(conf: string): string {
  return conf.split('\n').map(requireScramOnLine).join('\n');
}

function requireScramOnLine(line: string): string {
  if (line.trimStart().startsWith('#')) return line;
  const fields = line.replace(/#.*/, '').trim().split(/\s+/);
  const methodAt = methodFieldIndex(fields);
  if (methodAt === undefined || !WEAK_METHODS.has(fields[methodAt] ?? '')) return line;
  let index = 0;
  return line.replace(/\S+/g, (field) => (index++ === methodAt ? 'scram-sha-256' : field));
}

/** `local DB USER METHOD`, `host* DB USER ADDRESS[/bits] METHOD` or `host* DB USER ADDRESS MASK METHOD`. */
function methodFieldIndex(fields: string[]): number | undefined {
  if (fields[0] === 'local') return 3;
  if (!fields[0]?.startsWith('host')) return undefined;
  return /^[\d.:a-f]+$/i.test(fields[4] ?? '') ? 5 : 4;
}
