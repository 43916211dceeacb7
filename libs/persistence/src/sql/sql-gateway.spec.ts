import type { DataSource } from 'typeorm';
import { SqlGateway } from './sql-gateway.js';

/** A MariaDB DataSource whose statements fail with the given driver errors first, then answer. */
function flakyMysql(failures: readonly { errno: number }[]): { dataSource: DataSource; calls: () => number } {
  let calls = 0;
  const runner = {
    query: () => {
      calls += 1;
      const failure = failures[calls - 1];
      return failure === undefined
        ? Promise.resolve(['ok'])
        : Promise.reject(Object.assign(new Error('driver error'), failure));
    },
    release: () => Promise.resolve(),
  };
  const dataSource = { options: { type: 'mariadb' }, createQueryRunner: () => runner } as unknown as DataSource;
  return { dataSource, calls: () => calls };
}

describe('SqlGateway.runRetried on MariaDB', () => {
  it('runs a statement again after a Galera certification conflict (1213) or a lock wait timeout (1205)', async () => {
    const { dataSource, calls } = flakyMysql([{ errno: 1213 }, { errno: 1205 }]);
    await expect(SqlGateway.for(dataSource).runRetried((runner) => runner.query('INSERT …'))).resolves.toEqual(['ok']);
    expect(calls()).toBe(3);
  });

  it('gives up after five attempts, and never retries another error', async () => {
    const conflicts = flakyMysql(Array.from({ length: 6 }, () => ({ errno: 1213 })));
    await expect(
      SqlGateway.for(conflicts.dataSource).runRetried((runner) => runner.query('INSERT …')),
    ).rejects.toMatchObject({ errno: 1213 });
    expect(conflicts.calls()).toBe(5);

    const duplicate = flakyMysql([{ errno: 1062 }]);
    await expect(
      SqlGateway.for(duplicate.dataSource).runRetried((runner) => runner.query('INSERT …')),
    ).rejects.toMatchObject({ errno: 1062 });
    expect(duplicate.calls()).toBe(1);
  });
});
