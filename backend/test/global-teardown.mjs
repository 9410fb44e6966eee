import fs from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const embedded = globalThis.__LIFTPLAN_TEST_PG__;
  if (embedded) {
    await embedded.server.stop();
    fs.rmSync(embedded.dir, { recursive: true, force: true });
    return;
  }
  const client = new pg.Client({ connectionString: process.env.TEST_PG_SERVER_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${process.env.TEST_SEEDED_TEMPLATE_DB} WITH (FORCE)`);
  await client.query(`DROP DATABASE IF EXISTS ${process.env.TEST_TEMPLATE_DB} WITH (FORCE)`);
  await client.end();
}
