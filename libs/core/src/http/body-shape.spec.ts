import { bodyShapeProblem, MAX_BODY_DEPTH, MAX_BODY_KEYS } from './body-shape';

const keys = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`K${index}`, index]));
const nested = (depth: number): object => (depth === 0 ? {} : { a: nested(depth - 1) });

describe('bodyShapeProblem', () => {
  it.each([
    ['a plain body', { version: 1, values: { A1: true } }, null],
    ['200 keys', { values: keys(MAX_BODY_KEYS) }, null],
    [
      '201 keys',
      { values: keys(MAX_BODY_KEYS + 1) },
      { field: 'values', message: 'has more than 200 keys' },
    ],
    [
      '201 items',
      { criteria: Array.from({ length: MAX_BODY_KEYS + 1 }, () => ({})) },
      { field: 'criteria', message: 'has more than 200 items' },
    ],
    [
      'too many keys deep inside',
      { criteria: [{}, { x: keys(MAX_BODY_KEYS + 1) }] },
      { field: 'criteria[1].x', message: 'has more than 200 keys' },
    ],
    ['a body as deep as allowed', nested(MAX_BODY_DEPTH - 1), null],
    [
      'a body nested one level deeper',
      nested(MAX_BODY_DEPTH),
      { field: 'a.a.a.a.a.a', message: 'nests deeper than 6 levels' },
    ],
    [
      'a top-level array too long',
      Array.from({ length: MAX_BODY_KEYS + 1 }, () => 1),
      { field: 'body', message: 'has more than 200 items' },
    ],
    ['a scalar', 'text', null],
  ])('%s', (_name, body, expected) => {
    expect(bodyShapeProblem(body)).toEqual(expected);
  });
});
