import { seedsDemo } from './demo-seed-policy';

describe('seedsDemo', () => {
  it.each([
    [null, { engine: 'sqlite', path: 'data/thidua.sqlite' }, true],
    [null, { engine: 'sqlite', path: './data/../data/thidua.sqlite' }, true],
    [null, { engine: 'sqlite', path: '/srv/thidua/prod.sqlite' }, false],
    [null, { engine: 'mysql', url: 'mysql://u@h/db' }, false],
    [true, { engine: 'sqlite', path: '/srv/thidua/prod.sqlite' }, true],
    [true, { engine: 'mysql', url: 'mysql://u@h/db' }, true],
    [false, { engine: 'sqlite', path: 'data/thidua.sqlite' }, false],
  ] as const)('SEED_DEMO %s on %j: %s', (seedDemo, database, expected) => {
    expect(seedsDemo({ seedDemo, database })).toBe(expected);
  });
});
