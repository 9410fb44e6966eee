// Audit item 15: the embedded PostgreSQL authenticates with SCRAM, and clusters from older versions are upgraded.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { requireScramInHba } from '../src/db/pg-auth';
import { connectAsPostgres, exitOf, killEverything, login, makeDataDir, startProduct } from './product';

const hbaMethods = (dataDir: string) =>
  fs
    .readFileSync(path.join(dataDir, 'postgres', 'pg_hba.conf'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter((fields) => fields[0]?.startsWith('host') || fields[0] === 'local')
    .map((fields) => `${fields[0]} ${fields.at(-1)}`);

async function storedAsScram(dataDir: string, pgPort: number): Promise<boolean> {
  const client = await connectAsPostgres(dataDir, pgPort);
  try {
    const { rows } = await client.query(
      "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = 'postgres'",
    );
    return rows[0].scram;
  } finally {
    await client.end();
  }
}

describe('authentication of the embedded PostgreSQL', () => {
  const dataDir = makeDataDir('liftplan-auth-');
  const children: ChildProcess[] = [];
  afterAll(() => {
    killEverything(children, [dataDir]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function stop(child: ChildProcess) {
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }

  it('a fresh cluster requires scram-sha-256 and stores the password as a SCRAM verifier', async () => {
    const { child, pgPort } = await startProduct(dataDir);
    children.push(child);
    const methods = hbaMethods(dataDir);
    const scram = await storedAsScram(dataDir, pgPort);
    await stop(child); // before asserting: the next test starts on this cluster
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods.filter((m) => m.startsWith('host'))) expect(method).toMatch(/ scram-sha-256$/);
    expect(methods.join('\n')).not.toMatch(/ (password|md5|trust)$/m);
    expect(scram).toBe(true);
  }, 120_000);

  it('upgrades a cluster made by an older version (cleartext `password` in pg_hba.conf, md5-stored password)', async () => {
    // Turn the cluster into what older versions created: initdb --auth=password, password stored as md5.
    const { child, pgPort } = await startProduct(dataDir);
    children.push(child);
    const client = await connectAsPostgres(dataDir, pgPort);
    const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    await client.query("SET password_encryption = 'md5'");
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
    await client.end();
    await stop(child);
    const hbaFile = path.join(dataDir, 'postgres', 'pg_hba.conf');
    const legacyHba = fs
      .readFileSync(hbaFile, 'utf8')
      .split('\n')
      .map((line) => (line.startsWith('#') ? line : line.replace(/\bscram-sha-256\s*$/, 'password')))
      .join('\n');
    fs.writeFileSync(hbaFile, legacyHba);
    expect(hbaMethods(dataDir).every((m) => m.endsWith(' password'))).toBe(true);

    const upgraded = await startProduct(dataDir, { EMBEDDED_PG_PORT: String(pgPort) });
    children.push(upgraded.child);
    expect(hbaMethods(dataDir).every((m) => m.endsWith(' scram-sha-256'))).toBe(true);
    expect(await storedAsScram(dataDir, pgPort)).toBe(true);
    expect((await login(upgraded.url, 'boss@example.com', 'bootstrap-password')).status).toBe(200);
    await stop(upgraded.child);
  }, 120_000);
});

describe('requireScramInHba', () => {
  it('replaces password/md5/trust methods, keeps comments, other methods and the netmask form', () => {
    const conf = [
      '# TYPE  DATABASE  USER  ADDRESS  METHOD  — "password" here is a comment',
      'local   all       all            password',
      'host    all       all   127.0.0.1/32   md5',
      'host    all       all   ::1/128        trust   # loopback',
      'host    all       all   10.0.0.0  255.0.0.0  password',
      'local   replication all          peer',
      'hostssl all       all   0.0.0.0/0      cert',
    ].join('\n');
    expect(requireScramInHba(conf).split('\n')).toEqual([
      '# TYPE  DATABASE  USER  ADDRESS  METHOD  — "password" here is a comment',
      'local   all       all            scram-sha-256',
      'host    all       all   127.0.0.1/32   scram-sha-256',
      'host    all       all   ::1/128        scram-sha-256   # loopback',
      'host    all       all   10.0.0.0  255.0.0.0  scram-sha-256',
      'local   replication all          peer',
      'hostssl all       all   0.0.0.0/0      cert',
    ]);
  });
});
