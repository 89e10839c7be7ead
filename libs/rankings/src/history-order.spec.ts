import { historyOrder } from './history-order';

describe('historyOrder', () => {
  it('puts the newest periods first, the longer first among periods ending together', () => {
    const periods = [
      '2024-Q4',
      '2025-Q1',
      '2025',
      '2025-H1',
      '2025-Q2',
      '2024',
      '2025-H2',
      '2025-Q4',
      '2025-Q3',
      '2024-H2',
    ];
    expect(historyOrder(periods.map((period) => ({ period }))).map((p) => p.period)).toEqual([
      '2025',
      '2025-H2',
      '2025-Q4',
      '2025-Q3',
      '2025-H1',
      '2025-Q2',
      '2025-Q1',
      '2024',
      '2024-H2',
      '2024-Q4',
    ]);
  });
});
