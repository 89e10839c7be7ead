import { CriterionDef, DEFAULT_THRESHOLDS, scoreEvaluation } from '@app/domain';
import { seededRandom } from '@app/demo';
import type { BenchResult } from './report';

const KINDS = ['score', 'boolean', 'percentage', 'count'] as const;

/** Twenty criteria of every kind, two of them bonus, like a real criteria set. */
function criteria(): CriterionDef[] {
  return Array.from({ length: 20 }, (_, index) => {
    const kind = KINDS[index % 4];
    return {
      code: `C${index + 1}`,
      kind,
      maxPoints: index < 18 ? 5.55 : 2.5,
      bonus: index >= 18,
      ...(kind === 'percentage' ? { target: 80 } : {}),
      ...(kind === 'count' ? { penaltyPerUnit: 1.25, disqualifying: index === 3 } : {}),
    };
  });
}

/** SPEC §4 scoring of 100,000 evaluations through the domain function (target: under 1 s). */
export function benchScoring(count = 100_000): BenchResult[] {
  const defs = criteria();
  const random = seededRandom(7);
  const evaluations = Array.from({ length: count }, () =>
    Object.fromEntries(
      defs.map((def) => {
        if (def.kind === 'boolean') return [def.code, random() < 0.9];
        if (def.kind === 'count') return [def.code, Math.floor(random() * 3)];
        if (def.kind === 'percentage') return [def.code, Math.round(random() * 10000) / 100];
        return [def.code, Math.round(random() * def.maxPoints * 100) / 100];
      }),
    ),
  );
  scoreEvaluation(defs, evaluations[0], DEFAULT_THRESHOLDS); // warm up
  const start = process.hrtime.bigint();
  let checksum = 0;
  for (const values of evaluations)
    checksum += scoreEvaluation(defs, values, DEFAULT_THRESHOLDS).total;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return [
    {
      name: `scoring: ${count.toLocaleString('en')} evaluations × 20 criteria`,
      value: `${seconds.toFixed(3)} s`,
      target: '< 1 s',
      met: seconds < 1,
      note: `${Math.round(count / seconds).toLocaleString('en')} evaluations/s (checksum ${checksum.toFixed(2)})`,
    },
  ];
}
