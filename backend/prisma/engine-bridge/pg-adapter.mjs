// The driver-adapter factory handed to the wasm schema engine: `@prisma/adapter-pg` plus the
// fixes the schema engine needs that adapter-pg (built for Prisma Client queries) lacks.
//
// 1. Catalog types. The engine introspects pg_catalog, whose columns use types adapter-pg has no
//    column type for (`name[]`, int2vector, oidvector, regproc, pg_node_tree, ...): adapter-pg
//    throws "Unsupported column type". We report them as Text.
// 2. `"char"` (oid 18, e.g. pg_constraint.contype) must be the engine's Character type; reported
//    as Text the engine panics as soon as any CHECK constraint exists.
// 3. Shadow database. adapter-pg's connectToShadowDb() creates a database but connects with the
//    original connection string, which overrides the database name, so the "shadow" is the main
//    database. We create a uniquely named temporary database on the same server (or use a
//    configured shadow database URL), connect to it for real and drop it afterwards.
// 4. Scripts. adapter-pg's executeScript() splits on ";" (breaks `$$` bodies and string
//    literals) and runs the pieces one by one (not atomic). We send the whole script as one
//    simple-query batch: PostgreSQL runs a multi-statement batch as a single implicit
//    transaction, exactly like the native engine, so a failing migration leaves nothing behind.

import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, DriverAdapterError } from '@prisma/driver-adapter-utils';
import {
  createDatabase,
  describe,
  dropDatabase,
  pgConfig,
  quoteIdent,
  schemaOf,
  withClient,
} from './pg-connection.mjs';
import * as log from './log.mjs';

const CHAR_OID = 18;
const TEXT_OID = 25;
const FIRST_NORMAL_OBJECT_ID = 16384; // user-defined types (enums, domains...): adapter-pg reads them as Text

// Built-in type oids adapter-pg 7.10 maps itself (its fieldToColumnType). Any other built-in oid
// makes it throw, so we relabel those columns as text before it looks at them.
const ADAPTER_PG_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560,
  1562, 1700, 2950, 3802,
  // arrays
  143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183,
  1185, 1231, 1561, 1563, 2951, 3807,
]);

/** Relabel the result columns adapter-pg cannot type; remember where `"char"` columns are. */
function relabelFields(result, charColumns) {
  result.fields.forEach((field, index) => {
    const oid = field.dataTypeID;
    if (oid >= FIRST_NORMAL_OBJECT_ID || ADAPTER_PG_OIDS.has(oid)) return;
    if (oid === CHAR_OID) charColumns.push(index);
    field.dataTypeID = TEXT_OID;
    // pg decoded most of these as strings already; a few (interval, point, some arrays) as
    // objects or arrays, which a Text column must not carry.
    for (const row of result.rows) {
      const value = row[index];
      if (value !== null && typeof value !== 'string') row[index] = JSON.stringify(value);
    }
  });
  return result;
}

/**
 * Replace `queryRaw` of an adapter-pg queryable (connection or transaction) with one that
 * tolerates catalog types. adapter-pg's own queryRaw is reused; it reads the rows through
 * `this.performIO`, which we override on a per-call view object (no shared state between
 * concurrent queries).
 */
function fixCatalogTypes(queryable) {
  const queryRaw = queryable.queryRaw;
  queryable.queryRaw = async function queryRawWithCatalogTypes(query) {
    const charColumns = [];
    const performIO = async (q) => relabelFields(await queryable.performIO(q), charColumns);
    const view = Object.create(queryable, { performIO: { value: performIO } });
    const result = await queryRaw.call(view, query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** Run a script as one batch (see 4. above) instead of splitting it on ";". */
function runScriptsAsOneBatch(adapter) {
  adapter.executeScript = async function executeScriptAsOneBatch(script) {
    try {
      await adapter.client.query(script);
    } catch (err) {
      if (isPostgresError(err)) throw new DriverAdapterError(rawPostgresError(err, script));
      adapter.onError(err); // connection / TLS errors: adapter-pg's own mapping
    }
  };
}

function isPostgresError(err) {
  return typeof err?.code === 'string' && typeof err?.severity === 'string';
}

/**
 * A failing migration script is reported with PostgreSQL's own error. adapter-pg's mapping
 * turns many SQLSTATEs into generic kinds and loses the code and the position; with the raw
 * error the user sees PostgreSQL's message, the SQLSTATE and the line of the script (the engine
 * still shortens a few well-known codes, e.g. 23505 to "Unique constraint failed").
 */
function rawPostgresError(err, script) {
  const line = err.position ? script.slice(0, Number(err.position)).split('\n').length : undefined;
  const where = line ? ` (line ${line} of the script)` : '';
  return {
    kind: 'postgres',
    code: err.code,
    severity: err.severity,
    message: `${err.message} [SQLSTATE ${err.code}]${where}`,
    detail: err.detail,
    column: err.column,
    hint: err.hint,
  };
}

/** Apply all fixes to a freshly connected adapter-pg adapter. */
function fixAdapter(adapter) {
  fixCatalogTypes(adapter);
  runScriptsAsOneBatch(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => fixCatalogTypes(await startTransaction(...args));
  return adapter;
}

/** Run extra cleanup after the adapter's own dispose (which closes its pool). */
function onDispose(adapter, cleanup) {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await cleanup();
  };
  return adapter;
}

/** Empty a database (all non-system schemas), as the native engine does with a shadow database. */
async function emptyDatabase(url) {
  await withClient(url, undefined, async (client) => {
    const { rows } = await client.query(
      "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    );
    const drops = rows.map((r) => `DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE;`).join('\n');
    await client.query(`${drops}\nCREATE SCHEMA IF NOT EXISTS public;`);
  });
}

function sameDatabase(a, b) {
  const x = describe(a);
  const y = describe(b);
  return x.host === y.host && String(x.port) === String(y.port) && x.database === y.database;
}

/**
 * The migration-aware adapter factory (connect + connectToShadowDb) for one CLI session.
 * `url` is the datasource URL; `shadowUrl` an optional dedicated shadow database.
 */
export class ShadowAwarePgFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  /** `onTemporaryDatabase(event, name)` is told about 'created' / 'dropped' shadow databases. */
  constructor({ url, shadowUrl, onTemporaryDatabase = () => {} }) {
    this.url = url;
    this.shadowUrl = shadowUrl;
    this.onTemporaryDatabase = onTemporaryDatabase;
    this.temporaryDatabases = new Set();
  }

  /**
   * Connection to the main database. The wasm engine connects at startup, even for commands
   * that need no database (`migrate diff --from-empty --to-schema ...`), so every engine
   * command needs a reachable DATABASE_URL.
   */
  async connect() {
    requireUrl(this.url, 'the datasource URL (DATABASE_URL)');
    return this.open(this.url);
  }

  async connectToShadowDb() {
    return this.shadowUrl ? this.openConfiguredShadow() : this.openTemporaryShadow();
  }

  async open(url, database) {
    const schema = schemaOf(url);
    const factory = new PrismaPg(pgConfig(url, database), schema ? { schema } : undefined);
    return fixAdapter(await factory.connect());
  }

  /** A new empty database next to the main one, dropped when the engine disposes of it. */
  async openTemporaryShadow() {
    requireUrl(this.url, 'the datasource URL (DATABASE_URL), needed to create a temporary shadow database');
    const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
    // Announce before creating: if this process dies while CREATE DATABASE runs, the database
    // may still come into existence, and whoever listens must drop it.
    this.temporaryDatabases.add(name);
    this.onTemporaryDatabase('created', name);
    try {
      await createDatabase(this.url, name);
    } catch (err) {
      this.forgetTemporary(name);
      throw new Error(
        `Could not create a temporary shadow database on the server of DATABASE_URL: ${err.message}. ` +
          'Give the database user the CREATEDB privilege, or set SHADOW_DATABASE_URL to a separate, disposable database.',
      );
    }
    log.debug(`created temporary shadow database ${name}`);
    const adapter = await this.open(this.url, name).catch(async (err) => {
      await this.dropTemporary(name);
      throw err;
    });
    return onDispose(adapter, () => this.dropTemporary(name));
  }

  /** A configured shadow database (SHADOW_DATABASE_URL / datasource.shadowDatabaseUrl), emptied first. */
  async openConfiguredShadow() {
    if (this.url && sameDatabase(this.url, this.shadowUrl)) {
      throw new Error(
        'The shadow database URL points at the main database. It must be a separate, disposable database.',
      );
    }
    try {
      await emptyDatabase(this.shadowUrl);
    } catch (err) {
      if (err.code !== '3D000') throw err;
      await createDatabase(this.shadowUrl, describe(this.shadowUrl).database);
    }
    return this.open(this.shadowUrl);
  }

  async dropTemporary(name) {
    if (!this.temporaryDatabases.has(name)) return;
    await dropDatabase(this.url, name, { ifExists: true });
    this.forgetTemporary(name);
    log.debug(`dropped temporary shadow database ${name}`);
  }

  forgetTemporary(name) {
    this.temporaryDatabases.delete(name);
    this.onTemporaryDatabase('dropped', name);
  }

  /** Drop temporary shadow databases the engine did not dispose of (crash, early exit). */
  async cleanup() {
    const names = [...this.temporaryDatabases];
    await Promise.allSettled(names.map((name) => this.dropTemporary(name)));
  }
}

function requireUrl(url, what) {
  if (!url) throw new Error(`No database URL: ${what} is empty. Set DATABASE_URL.`);
}

/** The factory the wasm engine expects: bound so that JS errors travel through its error registry. */
export function createAdapterFactory(options) {
  const factory = new ShadowAwarePgFactory(options);
  return { factory, bound: bindMigrationAwareSqlAdapterFactory(factory) };
}
