import { type CandidateInput, CHECK_NAMES, judgeCandidate, topShareLimit } from './candidates';

const good: CandidateInput = {
  period: '2025',
  scope: 'agency',
  rollup: { total: 94.5, grade: 'A', disqualified: false, quartersCounted: 4, quartersInSpan: 4 },
  incidentCount: 0,
  rank: 3,
  rankedOf: 120,
  share: 0.15,
};

const patch = (
  p: Partial<CandidateInput>,
  rollup: Partial<CandidateInput['rollup']> = {},
): CandidateInput => ({
  ...good,
  ...p,
  rollup: { ...good.rollup, ...rollup },
});

describe('judgeCandidate', () => {
  it('passes a candidate on every check, with Vietnamese reasons', () => {
    expect(judgeCandidate(good)).toEqual({
      isCandidate: true,
      checks: [
        { check: 'allQuarters', passed: true, detail: 'Đủ 4/4 quý được duyệt' },
        { check: 'gradeA', passed: true, detail: 'Điểm năm 94.50, xếp loại Xuất sắc' },
        { check: 'notDisqualified', passed: true, detail: 'Không có tiêu chí loại trừ' },
        { check: 'noIncidents', passed: true, detail: 'Không có vi phạm trong kỳ' },
        { check: 'topShare', passed: true, detail: 'Xếp hạng 3/120 trong cơ quan' },
      ],
      failed: [],
      reasons: [
        'Đủ 4/4 quý được duyệt',
        'Điểm năm 94.50, xếp loại Xuất sắc',
        'Không có tiêu chí loại trừ',
        'Không có vi phạm trong kỳ',
        'Xếp hạng 3/120 trong cơ quan',
      ],
    });
  });

  it.each<[string, CandidateInput, string[], Record<string, string>]>([
    [
      'a missing quarter',
      patch({}, { quartersCounted: 3 }),
      ['allQuarters'],
      { allQuarters: 'Chỉ có 3/4 quý được duyệt' },
    ],
    [
      'a missing quarter of a half',
      patch({ period: '2025-H1' }, { quartersCounted: 1, quartersInSpan: 2 }),
      ['allQuarters'],
      { allQuarters: 'Chỉ có 1/2 quý được duyệt' },
    ],
    [
      'grade B',
      patch({}, { total: 89.99, grade: 'B' }),
      ['gradeA'],
      { gradeA: 'Điểm năm 89.99, xếp loại Tốt, chưa đạt loại Xuất sắc' },
    ],
    [
      'disqualified (graded C)',
      patch({}, { grade: 'C', disqualified: true }),
      ['gradeA', 'notDisqualified'],
      {
        gradeA: 'Điểm năm 94.50, xếp loại Đạt, chưa đạt loại Xuất sắc',
        notDisqualified: 'Bị loại do vi phạm tiêu chí loại trừ',
      },
    ],
    [
      'incidents',
      patch({ incidentCount: 2 }),
      ['noIncidents'],
      { noIncidents: 'Có 2 vi phạm trong kỳ' },
    ],
    [
      'one incident',
      patch({ incidentCount: 1 }),
      ['noIncidents'],
      { noIncidents: 'Có 1 vi phạm trong kỳ' },
    ],
    [
      'outside the top share',
      patch({ rank: 30 }),
      ['topShare'],
      { topShare: 'Xếp hạng 30/120 trong cơ quan, ngoài nhóm 18 đứng đầu' },
    ],
    [
      'just outside the top share',
      patch({ rank: 19 }),
      ['topShare'],
      { topShare: 'Xếp hạng 19/120 trong cơ quan, ngoài nhóm 18 đứng đầu' },
    ],
    [
      'everything wrong',
      patch(
        { incidentCount: 5, rank: 100, scope: 'city' },
        { quartersCounted: 2, grade: 'D', total: 40, disqualified: true },
      ),
      [...CHECK_NAMES],
      {
        topShare: 'Xếp hạng 100/120 toàn thành phố, ngoài nhóm 18 đứng đầu',
      },
    ],
  ])('fails %s', (_name, input, failed, details) => {
    const verdict = judgeCandidate(input);
    expect(verdict.isCandidate).toBe(false);
    expect(verdict.failed).toEqual(failed);
    expect(verdict.checks.map((c) => c.check)).toEqual(CHECK_NAMES);
    expect(verdict.reasons).toEqual(verdict.checks.filter((c) => c.passed).map((c) => c.detail));
    for (const [check, detail] of Object.entries(details))
      expect(verdict.checks.find((c) => c.check === check)?.detail).toBe(detail);
  });

  it.each<[string, CandidateInput, string, string]>([
    [
      'the rank exactly at the limit',
      patch({ rank: 18 }),
      'topShare',
      'Xếp hạng 18/120 trong cơ quan',
    ],
    [
      'a city-wide ranking of agencies',
      patch({ scope: 'city', rank: 4, rankedOf: 20, share: 0.2 }),
      'topShare',
      'Xếp hạng 4/20 toàn thành phố',
    ],
    ['the sole subject', patch({ rank: 1, rankedOf: 1 }), 'topShare', 'Xếp hạng 1/1 trong cơ quan'],
    [
      'a tie inside the share',
      patch({ rank: 2, rankedOf: 7 }),
      'topShare',
      'Xếp hạng 2/7 trong cơ quan',
    ],
    [
      'H1',
      patch({ period: '2025-H1' }, { quartersInSpan: 2, quartersCounted: 2 }),
      'gradeA',
      'Điểm 6 tháng đầu năm 94.50, xếp loại Xuất sắc',
    ],
    [
      'H2',
      patch({ period: '2025-H2' }, { total: 100, quartersInSpan: 2, quartersCounted: 2 }),
      'gradeA',
      'Điểm 6 tháng cuối năm 100.00, xếp loại Xuất sắc',
    ],
    [
      'a half with its two quarters',
      patch({ period: '2025-H2' }, { quartersInSpan: 2, quartersCounted: 2 }),
      'allQuarters',
      'Đủ 2/2 quý được duyệt',
    ],
    [
      'a total with one decimal shown with two',
      patch({}, { total: 90.1 }),
      'gradeA',
      'Điểm năm 90.10, xếp loại Xuất sắc',
    ],
  ])('passes %s', (_name, input, check, detail) => {
    const verdict = judgeCandidate(input);
    expect(verdict.isCandidate).toBe(true);
    expect(verdict.checks.find((c) => c.check === check)?.detail).toBe(detail);
  });

  it('refuses a bad period', () => {
    expect(() => judgeCandidate(patch({ period: '2025-H9' }))).toThrow(RangeError);
  });
});

describe('topShareLimit', () => {
  it.each([
    [120, 0.15, 18], // not 19: 120 * 0.15 is 18.000000000000004 in floats
    [100, 0.15, 15],
    [101, 0.15, 16],
    [7, 0.15, 2],
    [6, 0.15, 1],
    [1, 0.15, 1],
    [20, 0.2, 4],
    [21, 0.2, 5],
    [5, 0.2, 1],
    [3, 0.2, 1],
    [10, 0.3, 3],
    [10, 0, 1], // at least 1 when anyone is ranked
    [10, 1, 10],
    [0, 0.15, 0],
  ])('top %p × %p is %p', (n, share, limit) => {
    expect(topShareLimit(n, share)).toBe(limit);
  });

  it.each([
    [-1, 0.15],
    [1.5, 0.15],
    [10, -0.1],
    [10, 1.5],
    [10, NaN],
  ])('refuses %p × %p', (n, share) => {
    expect(() => topShareLimit(n, share)).toThrow(RangeError);
  });
});
