import type { UnitDashboardView } from '../../api/types';

/** A unit's name on the dashboard; people without a unit get a row of their own. */
export function unitName(unit: Pick<UnitDashboardView, 'name'>): string {
  return unit.name ?? 'Chưa xếp phòng ban';
}
