import { abs, isInteger, isSafeInteger } from './builtins';
import { decimalPartsOf } from './decimal-parts';

// Exact rational numbers. Kept as safe-integer Numbers while every intermediate result fits
// (a product or sum of safe integers that overflows is never a safe integer, so overflow is
// always detected), and as BigInt beyond: scoring stays fast without ever losing exactness.

type Int = number | bigint;

const MAX_DECIMALS = 20;

const big = (x: Int): bigint => (typeof x === 'bigint' ? x : BigInt(x));

function gcdNumber(a: number, b: number): number {
  a = abs(a);
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

export class Rational {
  static readonly ZERO = new Rational(0, 1);
  static readonly ONE = new Rational(1, 1);

  // Invariant: d > 0, gcd(n, d) = 1, both Numbers when both are safe integers, else both BigInt.
  private constructor(
    private readonly n: Int,
    private readonly d: Int,
  ) {}

  /** The exact decimal value that x prints as (0.1 is 1/10, not the binary float). */
  static of(x: number): Rational {
    const { units, decimals } = decimalPartsOf(x);
    if (typeof units === 'number' && decimals <= 15) return Rational.reduce(units, 10 ** decimals);
    return Rational.reduceBig(big(units), 10n ** BigInt(decimals));
  }

  /** numerator / denominator, both integers. */
  static fraction(numerator: Int, denominator: Int): Rational {
    if (typeof numerator === 'number' && !isInteger(numerator))
      throw new RangeError(`Not an integer: ${numerator}`);
    if (typeof denominator === 'number' && !isInteger(denominator))
      throw new RangeError(`Not an integer: ${denominator}`);
    if (big(denominator) === 0n) throw new RangeError('Division by zero');
    if (typeof numerator === 'number' && typeof denominator === 'number') {
      if (isSafeInteger(numerator) && isSafeInteger(denominator))
        return Rational.reduce(numerator, denominator);
    }
    return Rational.reduceBig(big(numerator), big(denominator));
  }

  // Normalizes sign and common factors of a safe-integer fraction (d ≠ 0).
  private static reduce(n: number, d: number): Rational {
    if (n === 0) return Rational.ZERO;
    if (d < 0) [n, d] = [-n, -d];
    const g = gcdNumber(n, d);
    return g === 1 ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  // Same for BigInt, stepping back down to Numbers when the reduced result fits.
  private static reduceBig(n: bigint, d: bigint): Rational {
    if (n === 0n) return Rational.ZERO;
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcdBig(n, d);
    if (g !== 1n) [n, d] = [n / g, d / g];
    const [sn, sd] = [Number(n), Number(d)];
    return isSafeInteger(sn) && isSafeInteger(sd) ? new Rational(sn, sd) : new Rational(n, d);
  }

  get numerator(): bigint {
    return big(this.n);
  }

  get denominator(): bigint {
    return big(this.d);
  }

  add(o: Rational): Rational {
    const { n: a, d: b } = this;
    const { n: c, d } = o;
    if (typeof a === 'number' && typeof b === 'number') {
      if (typeof c === 'number' && typeof d === 'number') {
        if (b === d) {
          const s = a + c;
          if (isSafeInteger(s)) return b === 1 ? new Rational(s + 0, 1) : Rational.reduce(s, b);
        } else {
          const ad = a * d;
          const cb = c * b;
          const s = ad + cb;
          const m = b * d;
          if (isSafeInteger(ad) && isSafeInteger(cb) && isSafeInteger(s) && isSafeInteger(m))
            return Rational.reduce(s, m);
        }
      }
    }
    return Rational.reduceBig(big(a) * big(d) + big(c) * big(b), big(b) * big(d));
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  mul(o: Rational): Rational {
    if (this.isZero() || o.isZero()) return Rational.ZERO;
    const { n: a, d: b } = this;
    const { n: c, d } = o;
    if (typeof a === 'number' && typeof b === 'number') {
      if (typeof c === 'number' && typeof d === 'number') {
        // Cross-reducing first keeps the result reduced and the products small.
        const g1 = gcdNumber(a, d);
        const g2 = gcdNumber(c, b);
        const num = (a / g1) * (c / g2);
        const den = (b / g2) * (d / g1);
        if (isSafeInteger(num) && isSafeInteger(den)) return new Rational(num + 0, den);
      }
    }
    return Rational.reduceBig(big(a) * big(c), big(b) * big(d));
  }

  div(o: Rational): Rational {
    return this.mul(o.inverse());
  }

  inverse(): Rational {
    if (this.isZero()) throw new RangeError('Division by zero');
    const { n, d } = this;
    return this.sign() < 0 ? new Rational(neg(d), neg(n)) : new Rational(d, n);
  }

  neg(): Rational {
    return this.isZero() ? this : new Rational(neg(this.n), this.d);
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const { n: a, d: b } = this;
    const { n: c, d } = o;
    if (typeof a === 'number' && typeof c === 'number' && b === d) return order(a, c);
    if (typeof a === 'number' && typeof b === 'number') {
      if (typeof c === 'number' && typeof d === 'number') {
        const left = a * d;
        const right = c * b;
        if (isSafeInteger(left) && isSafeInteger(right)) return order(left, right);
      }
    }
    return order(big(a) * big(d), big(c) * big(b));
  }

  eq(o: Rational): boolean {
    return this.cmp(o) === 0;
  }

  min(o: Rational): Rational {
    return this.cmp(o) <= 0 ? this : o;
  }

  max(o: Rational): Rational {
    return this.cmp(o) >= 0 ? this : o;
  }

  sign(): -1 | 0 | 1 {
    return order(this.n, 0);
  }

  isZero(): boolean {
    return this.sign() === 0;
  }

  /** Largest integer ≤ this. */
  floor(): Rational {
    return Rational.fraction(floorDiv(this.n, this.d), 1);
  }

  /** Smallest integer ≥ this. */
  ceil(): Rational {
    return this.neg().floor().neg();
  }

  /**
   * Rounded half up to `decimals` places (a half goes away from zero, as SQL ROUND does on
   * DECIMAL), returned as the Number nearest that decimal, so it prints as exactly that decimal.
   */
  toNumber(decimals: number): number {
    const { negative, units } = this.roundedUnits(decimals);
    if (typeof units === 'number' && units <= Number.MAX_SAFE_INTEGER) {
      const x = units / 10 ** decimals; // correctly rounded: the Number nearest the decimal
      return negative ? -x : x;
    }
    return Number(`${negative ? '-' : ''}${units}e-${decimals}`);
  }

  /** Rounded half up to `decimals` places, printed with exactly that many decimals. */
  toFixed(decimals: number): string {
    const { negative, units } = this.roundedUnits(decimals);
    const digits = String(units).padStart(decimals + 1, '0');
    const int = digits.slice(0, digits.length - decimals);
    const frac = decimals > 0 ? `.${digits.slice(-decimals)}` : '';
    return `${negative ? '-' : ''}${int}${frac}`;
  }

  toString(): string {
    return this.d === 1 || this.d === 1n ? String(this.n) : `${this.n}/${this.d}`;
  }

  /** |this| × 10^decimals rounded half up, and whether the (non-zero) result is negative. */
  private roundedUnits(decimals: number): { negative: boolean; units: Int } {
    if (!isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)
      throw new RangeError(`Decimals must be an integer in [0, ${MAX_DECIMALS}]: ${decimals}`);
    const negative = this.sign() < 0;
    const { n, d } = this;
    if (typeof n === 'number' && typeof d === 'number') {
      const scaled = abs(n) * 10 ** decimals;
      if (isSafeInteger(scaled) && decimals <= 15) {
        const r = scaled % d; // exact for safe integers, unlike Math.floor(scaled / d)
        const units = (scaled - r) / d + (2 * r >= d ? 1 : 0);
        return { negative: negative && units !== 0, units };
      }
    }
    const scaled = (negative ? -big(n) : big(n)) * 10n ** BigInt(decimals);
    const bd = big(d);
    const units = (2n * scaled + bd) / (2n * bd); // floor(scaled/d + 1/2), all positive
    return { negative: negative && units !== 0n, units };
  }
}

function neg(x: Int): Int {
  return typeof x === 'bigint' ? -x : -x + 0;
}

function order(a: Int, b: Int): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// floor(n / d) for d > 0.
function floorDiv(n: Int, d: Int): Int {
  if (typeof n === 'number' && typeof d === 'number') {
    const r = n % d; // exact; has the sign of n
    return (n - (r < 0 ? r + d : r)) / d;
  }
  const [bn, bd] = [big(n), big(d)];
  const q = bn / bd; // truncates toward zero
  return bn < 0n && q * bd !== bn ? q - 1n : q;
}
