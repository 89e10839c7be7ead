import * as domain from './index';

// Other modules code against these names: keep them exported.
describe('@app/domain exports', () => {
  it.each([
    'roundHalfUp',
    'decimalPlaces',
    'ceilTimes',
    'formatDecimal',
    'Rational',
    'CRITERION_KINDS',
    'DEFAULT_THRESHOLDS',
    'GRADE_LABELS',
    'checkValue',
    'checkManualValue',
    'pointsOf',
    'exactPointsOf',
    'gradeOf',
    'isDisqualifying',
    'scoreEvaluation',
    'missingForSubmit',
    'checkCriteriaSet',
    'resolveThresholds',
    'parsePeriod',
    'isQuarter',
    'isHalf',
    'isYear',
    'isRollupPeriod',
    'previousPeriod',
    'quartersOf',
    'quarterOfDate',
    'dateRangeOf',
    'isValidDate',
    'periodLabelVi',
    'rankEntries',
    'topPercent',
    'movementOf',
    'rollupOf',
    'CHECK_NAMES',
    'judgeCandidate',
    'topShareLimit',
  ])('%s', (name) => {
    expect(domain).toHaveProperty(name);
  });

  it('keeps the documented constants', () => {
    expect(domain.CRITERION_KINDS).toEqual(['score', 'boolean', 'percentage', 'count']);
    expect(domain.DEFAULT_THRESHOLDS).toEqual({ A: 90, B: 75, C: 50 });
    expect(domain.GRADE_LABELS).toEqual({ A: 'Xuất sắc', B: 'Tốt', C: 'Đạt', D: 'Chưa đạt' });
    expect(domain.CHECK_NAMES).toEqual([
      'allQuarters',
      'gradeA',
      'notDisqualified',
      'noIncidents',
      'topShare',
    ]);
  });
});
