// The committed migrations must produce exactly the schema in schema.prisma.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BACKEND = path.resolve(__dirname, '..');

it('migrations ≡ schema.prisma (prisma migrate diff --exit-code)', () => {
  const url = new URL(process.env.TEST_PG_SERVER_URL!);
  url.pathname = '/postgres'; // never the template: cloning needs it free of connections
  const result = spawnSync(
    process.execPath,
    [
      require.resolve('prisma/build/index.js', { paths: [BACKEND] }),
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema',
      'prisma/schema.prisma',
      '--exit-code',
    ],
    { cwd: BACKEND, env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8', timeout: 60_000 },
  );
  expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({
    status: 0,
    output: expect.any(String),
  });
}, 90_000);
