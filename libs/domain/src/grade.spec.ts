import { DEFAULT_THRESHOLDS, type Thresholds } from './criterion';
import { gradeOf } from './grade';

describe('gradeOf', () => {
  const custom: Thresholds = { A: 85, B: 70, C: 40 };
  it.each([
    [100, DEFAULT_THRESHOLDS, false, 'A'],
    [90, DEFAULT_THRESHOLDS, false, 'A'],
    [89.99, DEFAULT_THRESHOLDS, false, 'B'],
    [75, DEFAULT_THRESHOLDS, false, 'B'],
    [74.99, DEFAULT_THRESHOLDS, false, 'C'],
    [50, DEFAULT_THRESHOLDS, false, 'C'],
    [49.99, DEFAULT_THRESHOLDS, false, 'D'],
    [0, DEFAULT_THRESHOLDS, false, 'D'],
    [93, DEFAULT_THRESHOLDS, true, 'C'],
    [88, DEFAULT_THRESHOLDS, true, 'C'],
    [60, DEFAULT_THRESHOLDS, true, 'C'],
    [49.99, DEFAULT_THRESHOLDS, true, 'D'],
    [85, custom, false, 'A'],
    [84.99, custom, false, 'B'],
    [70, custom, false, 'B'],
    [40, custom, false, 'C'],
    [39.99, custom, false, 'D'],
    [88, custom, true, 'C'],
    [39.99, custom, true, 'D'],
  ])('%p with %o, disqualified %p → %s', (total, thresholds, disqualified, grade) => {
    expect(gradeOf(total, thresholds, disqualified)).toBe(grade);
  });
});
