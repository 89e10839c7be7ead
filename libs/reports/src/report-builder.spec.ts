import { buildAgencyRows, inspectionView } from './report-builder';

describe('buildAgencyRows', () => {
  const inputs = {
    agencies: [
      { id: 1, code: 'STC', name: 'Sở Tài chính' },
      { id: 2, code: 'SNV', name: 'Sở Nội vụ' },
      { id: 3, code: 'SXD', name: 'Sở Xây dựng' },
    ],
    headcounts: new Map([
      [1, 3],
      [2, 8],
    ]),
    personResults: [
      {
        agencyId: 1,
        evaluated: 3,
        approved: 2,
        sumHundredths: 18901,
        grades: { A: 2, B: 0, C: 0, D: 0 },
      },
      {
        agencyId: 2,
        evaluated: 1,
        approved: 1,
        sumHundredths: 8000,
        grades: { A: 0, B: 1, C: 0, D: 0 },
      },
    ],
    agencyResults: new Map([[1, { agencyId: 1, total: 95, grade: 'A' }]]),
    incidents: [
      { agencyId: 1, criterionCode: 'THAI_DO', count: 2 },
      { agencyId: 2, criterionCode: 'THAI_DO', count: 1 },
      { agencyId: 2, criterionCode: 'HUT_THUOC', count: 1 },
    ],
    candidates: new Map([[1, 1]]),
    agencyCandidates: new Set([1]),
  };

  it.each<[string, number, object]>([
    [
      'an agency with results',
      0,
      {
        headcount: 3,
        evaluated: 3,
        approved: 2,
        coverage: 66.7,
        averageTotal: 94.51,
        incidents: { THAI_DO: 2 },
        incidentsTotal: 2,
        candidates: 1,
        agencyResult: { total: 95, grade: 'A' },
        agencyCandidate: true,
      },
    ],
    [
      'an agency without candidates',
      1,
      {
        coverage: 12.5,
        averageTotal: 80,
        candidates: 0,
        agencyCandidate: false,
        incidentsTotal: 2,
      },
    ],
    [
      'an agency with nothing',
      2,
      { headcount: 0, coverage: null, averageTotal: null, grades: { A: 0, B: 0, C: 0, D: 0 } },
    ],
  ])('%s', (_name, index, expected) => {
    expect(buildAgencyRows(inputs).agencies[index]).toMatchObject(expected);
  });

  it('totals from the sums, not from the rounded rows', () => {
    expect(buildAgencyRows(inputs).totals).toEqual({
      headcount: 11,
      evaluated: 4,
      approved: 3,
      coverage: 27.3,
      averageTotal: 89.67, // 26901 / 3 = 8967 hundredths
      grades: { A: 2, B: 1, C: 0, D: 0 },
      incidents: { THAI_DO: 3, HUT_THUOC: 1 },
      incidentsTotal: 4,
      candidates: 1,
    });
  });

  it('leaves candidates out of a quarter', () => {
    const quarter = buildAgencyRows({ ...inputs, candidates: null, agencyCandidates: null });
    expect(quarter.totals.candidates).toBeNull();
    expect(quarter.agencies[0]).toMatchObject({ candidates: null, agencyCandidate: null });
  });
});

describe('inspectionView', () => {
  it.each([
    ['["A","B"]', ['A', 'B']],
    ['not json', []],
    ['{"a":1}', []],
  ])('members %s → %p', (json, members) => {
    const row = {
      id: 1,
      agencyId: 1,
      agencyName: 'Sở Tài chính',
      period: '2025-Q2',
      visitedOn: '2025-05-20',
      leader: 'X',
      membersJson: json,
      strengths: '',
      shortcomings: '',
      recommendations: '',
    };
    expect(inspectionView(row).members).toEqual(members);
  });
});
