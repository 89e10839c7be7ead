import type { UnitTreeNode, UnitView } from './dto/unit.dto';

/** Nests a flat list of units under their parents; orphans become roots. */
export function buildUnitTree(units: readonly UnitView[]): UnitTreeNode[] {
  const nodes = new Map<number, UnitTreeNode>(
    units.map((unit) => [unit.id, { ...unit, children: [] }]),
  );
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** True when making `parentId` the parent of `unitId` would close a loop. */
export function wouldCycle(
  units: readonly Pick<UnitView, 'id' | 'parentId'>[],
  unitId: number,
  parentId: number,
): boolean {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  for (
    let cursor: number | null | undefined = parentId;
    cursor != null;
    cursor = parentOf.get(cursor)
  ) {
    if (cursor === unitId) return true;
  }
  return false;
}
