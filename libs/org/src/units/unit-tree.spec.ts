import { buildUnitTree, wouldCycle } from './unit-tree';

const unit = (id: number, parentId: number | null) => ({
  id,
  parentId,
  agencyId: 1,
  code: `U${id}`,
  name: `Unit ${id}`,
  active: true,
});

describe('buildUnitTree', () => {
  it('nests children under parents and keeps roots in order', () => {
    const tree = buildUnitTree([unit(1, null), unit(2, 1), unit(3, 2), unit(4, null)]);
    expect(tree.map((n) => n.id)).toEqual([1, 4]);
    expect(tree[0].children[0].id).toBe(2);
    expect(tree[0].children[0].children[0].id).toBe(3);
  });
});

describe('wouldCycle', () => {
  const units = [unit(1, null), unit(2, 1), unit(3, 2)];
  it.each([
    [1, 3, true],
    [1, 1, true],
    [3, 1, false],
    [2, 1, false],
  ])('unit %i under %i cycles: %s', (unitId, parentId, expected) => {
    expect(wouldCycle(units, unitId, parentId)).toBe(expected);
  });
});
