import { createTestContext, type TestContext } from '../../test/test-db';
import { Prisma } from '../generated/prisma/client';
import { isUniqueViolation } from './errors';
import { preparedStatementNames, queryRows } from './prisma';

describe('prepared statement names', () => {
  it('one name per SQL text, the same every time it is sent', () => {
    const nameOf = preparedStatementNames();
    const a = nameOf({ sql: 'SELECT 1' });
    expect(a).toMatch(/^lp_\d+$/);
    expect(nameOf({ sql: 'SELECT 2' })).not.toBe(a);
    expect(nameOf({ sql: 'SELECT 1' })).toBe(a);
  });

  it('past the limit new texts go unnamed (parsed per request) and known ones keep their names', () => {
    const nameOf = preparedStatementNames(2);
    const first = nameOf({ sql: 'SELECT 1' });
    nameOf({ sql: 'SELECT 2' });
    expect(nameOf({ sql: 'SELECT 3' })).toBeUndefined();
    expect(nameOf({ sql: 'SELECT 1' })).toBe(first);
  });
});

describe('queryRows: one statement on the pool under the Prisma client', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.drop());

  it('answers rows as pg parses them: numerics as text, json parsed, timestamptz as Date', async () => {
    const [row] = await queryRows<{ n: number; d: string; j: { a: number[] }; t: Date }>(
      ctx.db,
      Prisma.sql`SELECT ${41}::int + 1 AS n, 2.50::numeric AS d, '{"a":[1,2]}'::json AS j, now() AS t`,
    );
    expect(row).toEqual({ n: 42, d: '2.50', j: { a: [1, 2] }, t: expect.any(Date) });
  });

  it('inside a transaction it runs in that transaction (it sees the uncommitted write)', async () => {
    const email = `tx-${Date.now()}@example.com`;
    await expect(
      ctx.db.$transaction(async (tx) => {
        await tx.user.create({ data: { email, passwordHash: 'x', displayName: 'Tx' } });
        const seen = await queryRows<{ n: number }>(
          tx,
          Prisma.sql`SELECT count(*)::int AS n FROM users WHERE email = ${email}`,
        );
        expect(seen).toEqual([{ n: 1 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queryRows(ctx.db, Prisma.sql`SELECT 1 FROM users WHERE email = ${email}`)).toEqual([]);
  });

  it("pg's unique violation is recognised by name, as Prisma's is", async () => {
    const email = `dup-${Date.now()}@example.com`;
    const insert = Prisma.sql`INSERT INTO users (email, password_hash, display_name, updated_at) VALUES (${email}, 'x', 'D', now())`;
    await queryRows(ctx.db, insert);
    const err = await queryRows(ctx.db, insert).catch((e: unknown) => e);
    expect(isUniqueViolation(err, 'users_email_key')).toBe(true);
    expect(isUniqueViolation(err, 'another_index')).toBe(false);
  });
});
