import { demoRollupPeriods } from './rollups-demo';

describe('demoRollupPeriods', () => {
  it.each([
    ['2026-11-25T00:00:00Z', ['2025-H1', '2025-H2', '2025', '2026-H1']],
    ['2026-07-01T00:00:00Z', ['2025-H1', '2025-H2', '2025', '2026-H1']],
    ['2026-06-30T23:59:59Z', ['2025-H1', '2025-H2', '2025']],
    ['2026-01-01T00:00:00Z', ['2025-H1', '2025-H2', '2025']],
  ])('on %s gives %j', (now, expected) => {
    expect(demoRollupPeriods(new Date(now))).toEqual(expected);
  });
});
