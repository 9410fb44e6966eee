// PostgreSQL connection helpers: turn a Prisma connection URL into a `pg` config, run
// administrative statements (create / drop / probe a database) and map driver errors to the
// Prisma error codes (P1000, P1001, P1003, ...) the CLI reacts to.

import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';

/**
 * Build a `pg` config object from a connection URL, optionally for another database on the
 * same server.
 *
 * Why an object and not `{ connectionString }`: with a connection string, `pg` lets the string
 * win over a separate `database` key, so "same server, other database" (the shadow database,
 * the `postgres` maintenance database) silently ends up on the database from the URL.
 */
export function pgConfig(url, database) {
  const { schema, connect_timeout: connectTimeout, ...cfg } = parseConnectionString(url);
  if (database !== undefined) cfg.database = database;
  // Prisma's `connect_timeout` is in seconds (default 5); without a timeout an unreachable host
  // would leave the CLI hanging.
  cfg.connectionTimeoutMillis = Number(connectTimeout ?? 5) * 1000;
  // Prisma's `?schema=` selects the schema the engine works in; generated SQL uses unqualified
  // names, so the session's search_path has to point there (as the native engine does).
  if (schema) cfg.options = [cfg.options, `-c search_path="${schema}"`].filter(Boolean).join(' ');
  return cfg;
}

/** The `?schema=` of a connection URL, if any. */
export function schemaOf(url) {
  return parseConnectionString(url).schema || undefined;
}

/** Host, port, database and user of a URL, for messages. */
export function describe(url) {
  const cfg = parseConnectionString(url);
  return {
    host: cfg.host || 'localhost',
    port: cfg.port || '5432',
    database: cfg.database || cfg.user || 'postgres',
    user: cfg.user || '',
  };
}

/** Double-quote an identifier for SQL. */
export function quoteIdent(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/** Open a single connection to `database` (default: the URL's own database). */
async function connect(url, database) {
  const client = new pg.Client(pgConfig(url, database));
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  return client;
}

/** Run `fn(client)` on a fresh connection, closing it afterwards. */
async function using(client, fn) {
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Run `fn(client)` on a fresh single connection to `database` (default: the URL's own). */
export async function withClient(url, database, fn) {
  return using(await connect(url, database), fn);
}

/**
 * Run `fn(client)` on a connection that can issue CREATE/DROP DATABASE: the maintenance
 * databases first (the URL's own database may be the one being created or dropped, and one
 * cannot drop the database one is connected to), then the URL's database as a last resort.
 */
export async function withAdminClient(url, fn) {
  return using(await connectAdmin(url), fn);
}

async function connectAdmin(url) {
  let lastError;
  for (const database of ['postgres', 'template1', undefined]) {
    try {
      return await connect(url, database);
    } catch (err) {
      // Missing database or no access to it: try the next one. Anything else (server down,
      // wrong password) would fail the same way for every candidate.
      if (!['3D000', '42501', '28000'].includes(err.code)) throw err;
      lastError = err;
    }
  }
  throw lastError;
}

export async function createDatabase(url, name) {
  await withAdminClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/** Drop a database, closing other sessions first (WITH (FORCE), PostgreSQL 13+). */
export async function dropDatabase(url, name, { ifExists = false } = {}) {
  const sql = `DROP DATABASE ${ifExists ? 'IF EXISTS ' : ''}${quoteIdent(name)}`;
  await withAdminClient(url, async (client) => {
    try {
      await client.query(`${sql} WITH (FORCE)`);
    } catch (err) {
      if (err.code !== '42601') throw err; // syntax error: server older than 13
      await client.query(sql);
    }
  });
}

/** Connect to the URL's database and run a trivial query; throws the driver error. */
export async function probe(url) {
  await withClient(url, undefined, (client) => client.query('SELECT 1'));
}

/**
 * Map a `pg` / socket error to `{ error_code, message }` with the same codes and wording as the
 * native engine, so the CLI's own handling (e.g. "P1003 → create the database") kicks in.
 * Unknown errors keep their message and get no code.
 */
export function userFacingError(err, url) {
  const { host, port, database, user } = describe(url);
  const at = `${host}:${port}`;
  switch (err && err.code) {
    case '3D000':
      return {
        error_code: 'P1003',
        message: `Database \`${database}\` does not exist on the database server at \`${at}\`.`,
      };
    case '28P01':
    case '28000':
      return {
        error_code: 'P1000',
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      };
    case '42P04':
      return {
        error_code: 'P1009',
        message: `Database \`${database}\` already exists on the database server at \`${at}\``,
      };
    case '42501':
      return { error_code: 'P1010', message: `User \`${user}\` was denied access on the database \`${database}\`` };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return {
        error_code: 'P1001',
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    default:
      if (/timeout/i.test(String(err && err.message))) {
        return { error_code: 'P1001', message: `Can't reach database server at \`${at}\` (${err.message})` };
      }
      return { message: String((err && err.message) || err) };
  }
}
