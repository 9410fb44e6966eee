import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Logger } from 'pino';

// Every lifter request used to read its account (does it still exist, is it an admin) from PostgreSQL: one of the
// two round trips of a cached plan read. The answer now comes from this per-process cache, which is only trusted
// while this process LISTENs to the database's account-change channel: a trigger on `users` (migration
// 20261205000000_account_change_notify) notifies every instance when an account is deleted or its admin flag
// changes, whoever made the change. Admin routes still read the flag from the database on every request (ADR 0014),
// so admin rights end the moment they are revoked, on every instance.

export const ACCOUNT_CHANGED_CHANNEL = 'liftplan_account_changed';

export type Account = { isAdmin: boolean };

const RECONNECT_MS = { first: 500, max: 30_000 };
/**
 * A connection can die without a word (a dropped network path): the listener would look alive while hearing
 * nothing. So it answers a query every HEARTBEAT_MS within QUERY_TIMEOUT_MS, or counts as lost.
 */
const HEARTBEAT_MS = 15_000;
const QUERY_TIMEOUT_MS = 5_000;

export class AccountCache {
  private readonly entries = new LRUCache<number, Account>({ max: 100_000, ttl: 10 * 60_000 });
  /** Bumped by every invalidation: a database read that started before one is not cached. */
  private generation = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retryMs = RECONNECT_MS.first;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  /** The cached account, or `load()` (the database) when not cached or while change notifications are not arriving. */
  async lookup(userId: number, load: () => Promise<Account | null>): Promise<Account | null> {
    const cached = this.listening ? this.entries.get(userId) : undefined;
    if (cached) return cached;
    const startedAt = this.generation;
    const account = await load();
    if (account && this.listening && startedAt === this.generation) this.entries.set(userId, account);
    return account;
  }

  /** Called by this process right after it changed an account, so its own next request cannot see the old state. */
  forget(userId: number): void {
    this.generation++;
    this.entries.delete(userId);
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Starts listening for account changes; until the LISTEN is in place (and whenever it is lost) nothing is cached. */
  async listen(databaseUrl: string, log?: Logger): Promise<void> {
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'liftplan-account-changes',
      connectionTimeoutMillis: QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
    this.listener = client;
    client.on('notification', (message) => this.forget(Number(message.payload)));
    client.on('error', (err) => this.lost(client, databaseUrl, log, err));
    client.on('end', () => this.lost(client, databaseUrl, log));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCOUNT_CHANGED_CHANNEL}`);
    } catch (err) {
      this.lost(client, databaseUrl, log, err);
      return;
    }
    if (this.listener !== client) return;
    this.entries.clear(); // changes made while not listening were never notified to us
    this.listening = true;
    this.retryMs = RECONNECT_MS.first;
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((err: unknown) => this.lost(client, databaseUrl, log, err));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => {});
  }

  private lost(client: pg.Client, databaseUrl: string, log: Logger | undefined, err?: unknown): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.listening = false;
    this.entries.clear();
    if (this.heartbeat) clearInterval(this.heartbeat);
    client.removeAllListeners('end');
    client.on('error', () => {}); // a dead client may still emit
    void client.end().catch(() => {});
    if (this.stopped) return;
    log?.warn(
      { err, retryInMs: this.retryMs },
      'account change notifications lost; reading accounts from the database',
    );
    this.retryTimer = setTimeout(() => void this.listen(databaseUrl, log), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
  }
}
