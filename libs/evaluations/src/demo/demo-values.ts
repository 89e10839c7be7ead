import type { CriterionDef } from '@app/domain';

/** How well a demo subject does, 0 (poor) to 1 (exemplary); most sit in the middle. */
export function qualityOf(random: () => number): number {
  const draw = random();
  if (draw < 0.15) return 0.93 + random() * 0.07; // excellent
  if (draw < 0.88) return 0.45 + random() * 0.45;
  return 0.2 + random() * 0.35; // struggling
}

/**
 * A plausible value of one criterion typed by hand for a subject of `quality` (fromIncidents
 * criteria come from the incidents instead). Values keep at most one decimal.
 */
export function demoValueOf(
  def: CriterionDef,
  quality: number,
  random: () => number,
): number | boolean | undefined {
  const jitter = (random() - 0.5) * 0.16;
  const level = Math.min(1, Math.max(0, quality + jitter));
  switch (def.kind) {
    case 'boolean':
      return random() < 0.55 + 0.45 * quality;
    case 'percentage': {
      const target = def.target ?? 100;
      return Math.min(100, Math.round(target * (0.5 + 0.52 * level) * 10) / 10);
    }
    case 'score':
      if (def.bonus)
        return quality > 0.9 && random() < 0.6 ? Math.round(random() * def.maxPoints * 2) / 2 : 0;
      return Math.round(def.maxPoints * (0.35 + 0.65 * level) * 2) / 2;
    case 'count':
      return random() < quality ? 0 : 1;
  }
}
