/**
 * The app's pages: path, menu label, the roles that may open it and the periods it takes.
 * The router, the menu and each role's home are all read from this one table, so a page a role
 * may not use is neither in its menu nor reachable by typing its address.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PeriodKind } from '@app/domain';
import type { RoleName } from '../format';
import type { PeriodDefault } from './periods';

export interface PageDef {
  path: string;
  /** The menu entry; pages without one (a person's history) are reached from another page. */
  menuLabel?: string;
  roles: readonly RoleName[];
  /** The periods the header picker offers on this page; none: the page takes no period. */
  periodKinds?: readonly PeriodKind[];
  /** The period the page opens on when the URL names none (default: the current one). */
  periodDefault?: PeriodDefault;
  component: LazyExoticComponent<ComponentType>;
}

export const ALL_ROLES: readonly RoleName[] = [
  'admin',
  'hr_officer',
  'department_head',
  'nominator',
  'inspector',
];
const ANY_PERIOD: readonly PeriodKind[] = ['quarter', 'half', 'year'];

export const PAGES: readonly PageDef[] = [
  {
    path: '/dashboard',
    menuLabel: 'Tổng quan',
    roles: ['department_head'],
    periodKinds: ['quarter'],
    component: lazy(() => import('../features/dashboard/DashboardPage')),
  },
  {
    path: '/evaluations',
    menuLabel: 'Đánh giá quý',
    roles: ['hr_officer'],
    periodKinds: ['quarter'],
    component: lazy(() => import('../features/evaluations/EvaluationsPage')),
  },
  {
    path: '/approvals',
    menuLabel: 'Chờ duyệt',
    roles: ['department_head', 'admin'],
    component: lazy(() => import('../features/approvals/ApprovalsPage')),
  },
  {
    path: '/people',
    menuLabel: 'Nhân sự',
    roles: ['hr_officer', 'department_head'],
    component: lazy(() => import('../features/people/PeoplePage')),
  },
  {
    path: '/incidents',
    menuLabel: 'Vi phạm',
    roles: ['hr_officer'],
    periodKinds: ['quarter'],
    component: lazy(() => import('../features/incidents/IncidentsPage')),
  },
  {
    path: '/inspections',
    menuLabel: 'Kiểm tra',
    roles: ['inspector'],
    periodKinds: ['quarter'],
    component: lazy(() => import('../features/inspections/InspectionsPage')),
  },
  {
    path: '/rankings',
    menuLabel: 'Xếp hạng',
    roles: ALL_ROLES,
    periodKinds: ANY_PERIOD,
    // Results are complete once a quarter has ended; the current one is still being entered.
    periodDefault: 'ended',
    component: lazy(() => import('../features/rankings/RankingsPage')),
  },
  {
    path: '/exemplary',
    menuLabel: 'Gương điển hình',
    roles: ['nominator', 'admin'],
    periodKinds: ['year', 'half'],
    component: lazy(() => import('../features/exemplary/ExemplaryPage')),
  },
  {
    path: '/nominations',
    menuLabel: 'Đề nghị khen thưởng',
    roles: ['nominator', 'admin'],
    periodKinds: ['year', 'half'],
    component: lazy(() => import('../features/nominations/NominationsPage')),
  },
  {
    path: '/city',
    menuLabel: 'Tổng quan thành phố',
    roles: ['admin'],
    periodKinds: ANY_PERIOD,
    component: lazy(() => import('../features/city/CityPage')),
  },
  {
    path: '/decisions',
    menuLabel: 'Quyết định',
    roles: ['admin'],
    component: lazy(() => import('../features/decisions/DecisionsPage')),
  },
  {
    path: '/rollups',
    menuLabel: 'Tổng hợp',
    roles: ['admin'],
    periodKinds: ['year', 'half'],
    component: lazy(() => import('../features/rollups/RollupsPage')),
  },
  {
    path: '/periods',
    menuLabel: 'Kỳ đánh giá',
    roles: ['admin'],
    component: lazy(() => import('../features/periods/PeriodsPage')),
  },
  {
    path: '/agencies',
    menuLabel: 'Cơ quan',
    roles: ['admin'],
    component: lazy(() => import('../features/agencies/AgenciesPage')),
  },
  {
    path: '/users',
    menuLabel: 'Người dùng',
    roles: ['admin'],
    component: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/criteria-sets',
    menuLabel: 'Bộ tiêu chí',
    roles: ['admin'],
    component: lazy(() => import('../features/criteria/CriteriaSetsPage')),
  },
  {
    path: '/audit',
    menuLabel: 'Nhật ký',
    roles: ['admin'],
    component: lazy(() => import('../features/audit/AuditPage')),
  },
  {
    path: '/rankings/history/:subjectType/:subjectId',
    roles: ALL_ROLES,
    component: lazy(() => import('../features/rankings/HistoryPage')),
  },
];

/** Where each role lands after signing in: the first of its pages that exists (UI.md §3). */
export const HOME_PREFERENCE: Record<RoleName, readonly string[]> = {
  hr_officer: ['/evaluations', '/rankings'],
  department_head: ['/dashboard', '/rankings'],
  nominator: ['/exemplary', '/rankings'],
  inspector: ['/inspections', '/rankings'],
  admin: ['/city', '/rankings'],
};

export function homeOf(role: RoleName): string {
  const home = HOME_PREFERENCE[role].find((path) =>
    PAGES.some((page) => page.path === path && page.roles.includes(role)),
  );
  return home ?? '/rankings';
}
