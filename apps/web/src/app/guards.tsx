import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import type { RoleName } from '../format';
import { homeOf } from './pages';
import { useSession } from './use-session';

// Loaded when needed: its illustration stays out of the login page's bundle.
const NoPermissionPage = lazy(() =>
  import('../features/errors/NoPermissionPage').then((m) => ({ default: m.NoPermissionPage })),
);

/** Pages of the signed-in app: wait for the session, send strangers to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <Spin size="large" className="page-spinner" />;
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}

/** A page the role may not use shows why, even when its address is typed by hand. */
export function RequireRole({
  roles,
  children,
}: {
  roles: readonly RoleName[];
  children: ReactNode;
}) {
  const { user } = useSession();
  if (!user || !roles.includes(user.role as RoleName)) return <NoPermissionPage />;
  return children;
}

/** `/`: the role's home (UI.md §3). */
export function HomeRedirect() {
  const { user } = useSession();
  const location = useLocation();
  return (
    <Navigate to={{ pathname: homeOf(user!.role as RoleName), search: location.search }} replace />
  );
}
