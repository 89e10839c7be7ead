import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DEADLOCK_ATTEMPTS, Transactions } from './transactions';

function driverFailure(code: string, errno: number): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error(code), { code, errno }));
}

/** A data source whose transactions fail with the given errors, in turn, then succeed. */
function dataSourceFailing(type: 'mysql' | 'better-sqlite3', failures: Error[]) {
  let calls = 0;
  const dataSource = {
    options: { type },
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { transactions: new Transactions(dataSource), calls: () => calls };
}

describe('Transactions', () => {
  const deadlock = () => driverFailure('ER_LOCK_DEADLOCK', 1213);

  it.each([
    ['runs a deadlock victim again until it commits', [deadlock(), deadlock()], 3],
    ['runs it once when nothing fails', [], 1],
  ])('on MySQL %s', async (_, failures, calls) => {
    const { transactions, calls: made } = dataSourceFailing('mysql', failures);
    await expect(transactions.run(async () => 'stored')).resolves.toBe('stored');
    expect(made()).toBe(calls);
  });

  it('gives up after its attempts and lets the deadlock reach the caller', async () => {
    const failures = Array.from({ length: DEADLOCK_ATTEMPTS }, deadlock);
    const { transactions, calls } = dataSourceFailing('mysql', failures);
    await expect(transactions.run(async () => 'stored')).rejects.toBe(failures.at(-1));
    expect(calls()).toBe(DEADLOCK_ATTEMPTS);
  });

  it.each([
    ['a duplicate key', driverFailure('ER_DUP_ENTRY', 1062)],
    [
      'a lock wait timeout (the statement alone was rolled back)',
      driverFailure('ER_LOCK_WAIT_TIMEOUT', 1205),
    ],
    ['an error of the use case', new Error('refused')],
  ])('never runs again after %s', async (_, failure) => {
    const { transactions, calls } = dataSourceFailing('mysql', [failure]);
    await expect(transactions.run(async () => 'stored')).rejects.toBe(failure);
    expect(calls()).toBe(1);
  });

  it('queues SQLite transactions one after another, even after a failure', async () => {
    const failure = new Error('refused');
    const { transactions } = dataSourceFailing('better-sqlite3', [failure]);
    const order: string[] = [];
    const first = transactions.run(async () => order.push('first'));
    const second = transactions.run(async () => order.push('second'));
    await expect(first).rejects.toBe(failure);
    await expect(second).resolves.toBe(1);
    expect(order).toEqual(['second']);
  });
});
