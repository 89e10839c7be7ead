import { judgeRow, splitVerdicts } from './candidate-verdicts';
import type { CandidateRow } from './candidates.queries';

const base: CandidateRow = {
  subjectId: 1,
  name: 'Nguyễn Thị Hoà',
  agencyId: 7,
  unitId: 3,
  total: 95,
  grade: 'A',
  disqualified: false,
  quartersCounted: 4,
  rank: 1,
  rankedOf: 10,
  incidents: 0,
};

describe('judgeRow', () => {
  it.each<[string, Partial<CandidateRow>, string[]]>([
    ['a candidate', {}, []],
    ['three quarters of a year', { quartersCounted: 3 }, ['allQuarters']],
    ['grade B', { grade: 'B', total: 80 }, ['gradeA']],
    ['disqualified (grade C)', { disqualified: true, grade: 'C' }, ['gradeA', 'notDisqualified']],
    ['an incident', { incidents: 2 }, ['noIncidents']],
    ['rank 3 of 10 with share 0.15 (limit 2)', { rank: 3 }, ['topShare']],
    ['rank 2 of 10 (limit 2)', { rank: 2 }, []],
    ['not in the ranking snapshot', { rank: null, rankedOf: null }, ['topShare']],
    ['an unknown grade', { grade: 'X' }, ['gradeA']],
  ])('%s → failed %p', (_name, change, failed) => {
    const judged = judgeRow({ ...base, ...change }, '2025', 'person', 0.15);
    expect(judged.verdict.failed).toEqual(failed);
  });

  it('ranks people within their agency and agencies city-wide', () => {
    expect(judgeRow(base, '2025', 'person', 0.15).verdict.reasons).toContain(
      'Xếp hạng 1/10 trong cơ quan',
    );
    expect(judgeRow(base, '2025', 'agency', 0.2).verdict.reasons).toContain(
      'Xếp hạng 1/10 toàn thành phố',
    );
  });

  it('counts the quarters of a half', () => {
    const judged = judgeRow({ ...base, quartersCounted: 2 }, '2025-H2', 'person', 0.15);
    expect(judged.verdict.isCandidate).toBe(true);
  });
});

describe('splitVerdicts', () => {
  it('keeps the order; near misses fail exactly one check', () => {
    const rows = [
      { ...base, subjectId: 1 },
      { ...base, subjectId: 2, incidents: 1 },
      { ...base, subjectId: 3, incidents: 1, rank: 9 },
      { ...base, subjectId: 4, rank: 2 },
    ].map((row) => judgeRow(row, '2025', 'person', 0.15));
    const { items, nearMisses } = splitVerdicts(rows);
    expect(items.map((i) => i.subjectId)).toEqual([1, 4]);
    expect(nearMisses.map((m) => [m.subjectId, m.failed])).toEqual([[2, 'noIncidents']]);
    expect(items[0]).not.toHaveProperty('verdict');
    expect(items[0].checks).toHaveLength(5);
  });
});
