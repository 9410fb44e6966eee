import { preparedStatementNames } from './prisma';

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
