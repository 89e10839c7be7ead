it('bench plain', () => {
  const { scoreEvaluation, DEFAULT_THRESHOLDS } = require('/tmp/swcout/scoring.js');
  const defs: any[] = [];
  for (let i = 0; i < 20; i++) {
    const kind = ['score', 'boolean', 'percentage', 'count'][i % 4];
    defs.push({
      code: 'C' + i,
      kind,
      maxPoints: [5, 7.5, 10, 12.25][i % 4],
      target: kind === 'percentage' ? [80, 90, 95, 85, 100][i % 5] : null,
      penaltyPerUnit: kind === 'count' ? 2.5 : null,
      bonus: i === 19,
    });
  }
  const evals: any[] = [];
  for (let e = 0; e < 100000; e++) {
    const v: any = {};
    defs.forEach((d, i) => {
      v[d.code] =
        d.kind === 'boolean'
          ? (e + i) % 3 > 0
          : d.kind === 'count'
            ? (e + i) % 3
            : d.kind === 'percentage'
              ? ((e * 7 + i) % 10000) / 100
              : Math.min(d.maxPoints, ((e + i) % 500) / 100);
    });
    evals.push(v);
  }
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    let s = 0;
    for (const v of evals) s += scoreEvaluation(defs, v, DEFAULT_THRESHOLDS).total;
    console.log('plain ms', performance.now() - t, s);
  }
});
