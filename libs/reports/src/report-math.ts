// Exact arithmetic of the period report: sums arrive as integer hundredths from the database,
// so means and percentages are rounded half up on integers, never on binary floats.

/** Mean of `count` scores whose sum is `sumHundredths` hundredths, half up to 2 decimals; null for none. */
export function meanOfHundredths(sumHundredths: number, count: number): number | null {
  if (count <= 0) return null;
  assertWhole(sumHundredths, 'sumHundredths');
  assertWhole(count, 'count');
  const sign = sumHundredths < 0 ? -1 : 1;
  const magnitude = Math.abs(sumHundredths);
  const rounded = Math.floor((2 * magnitude + count) / (2 * count));
  return (sign * rounded) / 100;
}

/** 100 × part / whole, half up to 1 decimal; null when the whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  assertWhole(part, 'part');
  assertWhole(whole, 'whole');
  const tenths = Math.floor((2 * 1000 * part + whole) / (2 * whole));
  return tenths / 10;
}

function assertWhole(value: number, name: string): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${name} must be a whole number: ${value}`);
}
