import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

type StatementNames = ReturnType<typeof preparedStatementNames>;
/** The pool under each client and its statement names, for queryRows. */
const direct = new WeakMap<object, { pool: pg.Pool; statementName: StatementNames }>();

export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  // Prisma sends a Date to raw SQL as UTC wall time without an offset; `::timestamptz` must read it as UTC whatever
  // the server's TimeZone setting is.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    options: '-c TimeZone=UTC',
  });
  // An idle connection that PostgreSQL drops (a restart) is an 'error' on the pool; pg discards that client. The
  // adapter listens once Prisma connects, but queryRows may use the pool first: without a listener it would crash.
  pool.on('error', () => {});
  const statementName = preparedStatementNames();
  const adapter = new PrismaPg(pool, {
    // The adapter's type wants a name for every query; pg runs a query whose name is undefined unnamed, as before.
    statementNameGenerator: statementName as (query: { sql: string }) => string,
    disposeExternalPool: true,
  });
  const client = new PrismaClient({ adapter });
  direct.set(client, { pool, statementName });
  return client;
}

/**
 * One statement run straight on the pool under the Prisma client (the same connections and prepared statement
 * names), for the hottest single-statement paths: Prisma's raw-result mapping cost 0.08 ms of CPU per workout read,
 * more than the rest of the read's JavaScript (issue 15). Inside a transaction (`tx`) it is Prisma's `$queryRaw`.
 * Rows come as pg parses them, which is what these queries select for: numerics and int8 as text, json parsed,
 * timestamptz as Date (a `date` column would be a local Date: select it with to_char). Errors are pg's
 * (`code` is the SQLSTATE), which db/errors.ts reads as well as Prisma's.
 */
export async function queryRows<T>(db: Db | Tx, sql: Prisma.Sql): Promise<T[]> {
  const route = direct.get(db);
  if (!route) return db.$queryRaw<T[]>(sql);
  const name = route.statementName({ sql: sql.text });
  const result = await route.pool.query({ name, text: sql.text, values: sql.values });
  return result.rows as T[];
}

/**
 * Names for prepared statements, so each pooled connection parses and plans a statement once instead of on every
 * request: the workout read went from 0.80 to 0.33 ms per query, SELECT 1 from 0.053 to 0.032 (issue 15). One name
 * per distinct SQL text; past `limit` distinct texts (a query built with a varying shape) statements go unnamed, so
 * neither this process nor PostgreSQL's per-connection statement cache grows without bound. Needs a direct
 * connection or a session-mode pooler (PgBouncer in transaction mode would mix connections' statements).
 */
export function preparedStatementNames(limit = 400): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) names.set(sql, (name = `lp_${names.size}`));
    return name;
  };
}
