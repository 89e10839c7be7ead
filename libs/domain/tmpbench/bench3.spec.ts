it('baseline', () => {
  const defs: any[] = [];
  for (let i = 0; i < 20; i++) defs.push({ code: 'C' + i, maxPoints: 5 });
  const evals: any[] = [];
  for (let e = 0; e < 100000; e++) {
    const v: any = {};
    defs.forEach((d, i) => {
      v[d.code] = (e + i) % 7;
    });
    evals.push(v);
  }
  for (let rep = 0; rep < 2; rep++) {
    let t = performance.now();
    let s = 0;
    for (const v of evals) {
      const items = [];
      for (const d of defs) {
        const x = v[d.code];
        items.push({ code: d.code, value: x, points: typeof x === 'number' ? x : 1 });
      }
      s += items.length;
    }
    console.log('alloc ms', performance.now() - t, s);
    t = performance.now();
    s = 0;
    for (let i = 0; i < 2e6; i++) s += Number.isSafeInteger(i * 3) ? Math.round(i * 1.5) % 7 : 0;
    console.log('math ms', performance.now() - t, s);
    t = performance.now();
    s = 0;
    for (let i = 0; i < 2e6; i++) {
      const o = { a: i, b: i };
      s += o.a;
    }
    console.log('obj ms', performance.now() - t, s);
  }
});
