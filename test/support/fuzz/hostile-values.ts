/** A seeded PRNG (mulberry32): the same seed replays the same requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function nestedArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Strings that have broken parsers, databases or terminals somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a\u0000b',
  '\u202Egnp.exe',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF\u200B',
  'x'.repeat(10_000),
  'Nguyễn'.repeat(2_000),
  '😀'.repeat(300),
  '1e300',
  '-1',
  '0x10',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '2026-Q9',
  '9999-Q1',
  '0000-Q0',
  '2026-13-45',
  '../../etc/passwd',
  "' OR 1=1 --",
  '=HYPERLINK("http://x")',
  '%00',
  '__proto__',
  'constructor',
  'true',
  'null',
];

/** Any JSON value a client could send where something else is expected. */
export const HOSTILE_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  1.5,
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER + 2,
  2147483648,
  [],
  [1, 2, 3],
  ['a', null, {}],
  {},
  { a: 1 },
  nested(50, 'deep'),
  nestedArray(50),
  Array.from({ length: 2_000 }, (_, i) => i),
  Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
];

/** Values aimed at a numeric field: the ones a lenient number parser lets through. */
export const HOSTILE_NUMBERS: readonly unknown[] = [
  1e300,
  -1e300,
  '1e300',
  -1,
  '-1',
  0,
  1.5,
  '0x10',
  'NaN',
  'Infinity',
  ' 1',
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  '99999999999999999999',
];

/** Whole bodies that are not the object a route expects. */
export const HOSTILE_BODIES: readonly string[] = [
  '[]',
  '[{}]',
  '"text"',
  '123',
  'null',
  'true',
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
  JSON.stringify(nested(50, 1)),
  '{"a":',
  '{"\\u0000":1}',
  `{"${'k'.repeat(10_000)}":1}`,
];

/** Path ids that are not a positive decimal id, or that name nothing. */
export const HOSTILE_IDS: readonly string[] = [
  '0',
  '-1',
  '1e300',
  '1.5',
  '0x10',
  ' 1',
  'NaN',
  '%00',
  '%E2%80%AE1',
  '%D9%A1',
  '99999999999999999999',
  '2147483647',
  'x'.repeat(300),
  '__proto__',
];

/** A query value as text: what a client can put in a query string. */
export function queryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
