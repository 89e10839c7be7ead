import { type EntryState, totalsDelta, touchedTotals } from './rankings.queries';

const entry = (over: Partial<EntryState>): EntryState => ({
  scope_kind: 'city',
  scope_id: 0,
  name: 'An',
  agency_id: 1,
  unit_id: null,
  category: 'cadre',
  total: 80,
  grade: 'B',
  ...over,
});

describe('totalsDelta', () => {
  it.each<[string, EntryState[], EntryState[], [string, number, string, number, number][]]>([
    ['nothing changes', [entry({})], [entry({})], []],
    [
      'a new subject counts once in its scope and once in its category',
      [],
      [entry({})],
      [
        ['city', 0, '', 80, 1],
        ['city', 0, 'cadre', 80, 1],
      ],
    ],
    [
      'a removed subject without a category leaves its scope only',
      [entry({ category: null, scope_kind: 'agency', scope_id: 7 })],
      [],
      [['agency', 7, '', 80, -1]],
    ],
    [
      'a new total moves one count from the old total to the new',
      [entry({})],
      [entry({ total: 88.5 })],
      [
        ['city', 0, '', 80, -1],
        ['city', 0, '', 88.5, 1],
        ['city', 0, 'cadre', 80, -1],
        ['city', 0, 'cadre', 88.5, 1],
      ],
    ],
    [
      'a renamed subject with the same total changes no count',
      [entry({})],
      [entry({ name: 'Bình' })],
      [],
    ],
  ])('%s', (_, removed, added, expected) => {
    expect(
      totalsDelta(removed, added).map((d) => [
        d.scope_kind,
        d.scope_id,
        d.category,
        d.total,
        d.delta,
      ]),
    ).toEqual(expected);
  });
});

describe('touchedTotals', () => {
  it.each<[string, EntryState[], EntryState[], [string, number, string, number][]]>([
    ['nothing changes', [], [], []],
    [
      'a rename touches its total in its scope and its category, though no count moves',
      [entry({})],
      [entry({ name: 'Bình' })],
      [
        ['city', 0, '', 80],
        ['city', 0, 'cadre', 80],
        ['city', 0, '', 80],
        ['city', 0, 'cadre', 80],
      ],
    ],
    [
      'a subject without a category touches its scope only',
      [],
      [entry({ category: null, scope_kind: 'unit', scope_id: 4, total: 70 })],
      [['unit', 4, '', 70]],
    ],
  ])('%s', (_, removed, added, expected) => {
    expect(
      touchedTotals(removed, added).map((t) => [t.scope_kind, t.scope_id, t.category, t.total]),
    ).toEqual(expected);
  });
});
