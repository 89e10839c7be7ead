import { checkValue, scoreEvaluation, type CriterionDef } from '@app/domain';
import { seededRandom } from '@app/demo';
import personSet from '../../../../config/criteria/person.json';
import {
  agencyBaseLevel,
  demoValueOf,
  gaussian,
  levelOf,
  nextDrift,
  personBaseLevel,
} from './demo-values';

const criteria = personSet.criteria as CriterionDef[];
const thresholds = personSet.thresholds;

/** A demo year of one person per draw: totals of four quarters at drifting levels. */
function demoTotals(people: number): number[] {
  const random = seededRandom(7);
  const totals: number[] = [];
  for (let i = 0; i < people; i++) {
    const base = personBaseLevel(random);
    let drift = 0;
    for (let quarter = 0; quarter < 4; quarter++) {
      drift = nextDrift(drift, random);
      const values: Record<string, number | boolean> = {};
      for (const def of criteria) {
        const value = def.fromIncidents ? 0 : demoValueOf(def, levelOf(base, drift), random);
        if (value !== undefined) values[def.code] = value;
      }
      totals.push(scoreEvaluation(criteria, values, thresholds).total);
    }
  }
  return totals;
}

describe('demo values', () => {
  it('are always values the API would accept', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 500; i++) {
      const level = levelOf(personBaseLevel(random), nextDrift(0, random));
      for (const def of criteria.filter((d) => !d.fromIncidents)) {
        expect(checkValue(def, demoValueOf(def, level, random))).toBeNull();
      }
    }
  });

  it('spread like conduct scores: few perfect, most between 70 and 97, some C and D', () => {
    const totals = demoTotals(1000);
    const share = (test: (t: number) => boolean) => totals.filter(test).length / totals.length;
    expect(share((t) => t === 100)).toBeLessThan(0.01);
    expect(share((t) => t >= 70 && t <= 97)).toBeGreaterThan(0.8);
    expect(share((t) => t >= 90)).toBeLessThan(0.5);
    expect(share((t) => t >= 50 && t < 75)).toBeGreaterThan(0.03);
    expect(share((t) => t < 50)).toBeGreaterThan(0.005);
  });

  it.each([
    ['people', 0.25, 0.965, personBaseLevel],
    ['agencies', 0.75, 0.95, agencyBaseLevel],
  ])('keeps the usual level of %s within [%d, %d]', (_who, low, high, draw) => {
    const random = seededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const level = draw(random);
      expect(level).toBeGreaterThanOrEqual(low);
      expect(level).toBeLessThanOrEqual(high);
    }
  });

  it('draws a standard normal: mean near 0, spread near 1', () => {
    const random = seededRandom(5);
    const draws = Array.from({ length: 20000 }, () => gaussian(random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
