import type { CriterionDef } from '@app/domain';

// How the demo's subjects do, shaped like real conduct scores: most people between about 70 and
// 97, a few stars near the top (rarely a perfect 100), a few who struggle (C) or fail (D), and
// each subject's level drifting from quarter to quarter so that ranks move.

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** A person's usual level, 0 (poor) to 1 (flawless). */
export function personBaseLevel(random: () => number): number {
  const draw = random();
  if (draw < 0.06) return 0.93 + random() * 0.035; // stars: the exemplary candidates
  if (draw < 0.9) return clamp(0.82 + 0.05 * gaussian(random), 0.66, 0.93);
  if (draw < 0.97) return 0.55 + random() * 0.13; // struggling: C
  return 0.25 + random() * 0.12; // failing: D
}

/** An agency's usual level: agencies spread less than people. */
export function agencyBaseLevel(random: () => number): number {
  return clamp(0.85 + 0.04 * gaussian(random), 0.75, 0.95);
}

/** Next quarter's drift from the usual level: it carries over in part, so form comes and goes. */
export function nextDrift(drift: number, random: () => number): number {
  return clamp(0.6 * drift + 0.025 * gaussian(random), -0.08, 0.06);
}

export function levelOf(base: number, drift: number): number {
  return clamp(base + drift, 0.3, 0.99);
}

const halfStep = (x: number) => Math.round(x * 2) / 2;
const tenth = (x: number) => Math.round(x * 10) / 10;

/**
 * A plausible value of one criterion typed by hand for a subject at `level` (fromIncidents
 * criteria come from the incidents instead). Scores keep halves, percentages one decimal.
 */
export function demoValueOf(
  def: CriterionDef,
  level: number,
  random: () => number,
): number | boolean | undefined {
  const near = () => clamp(level + 0.045 * gaussian(random), 0, 1);
  switch (def.kind) {
    case 'boolean':
      return random() >= (1 - level) * 0.5;
    case 'percentage': {
      const target = def.target ?? 100;
      return Math.min(100, tenth(target * near()));
    }
    case 'score':
      if (def.bonus)
        return level > 0.9 && random() < 0.2 ? halfStep(0.5 + random() * def.maxPoints * 0.35) : 0;
      return halfStep(def.maxPoints * near());
    case 'count':
      return random() < level ? 0 : 1;
  }
}
