import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Spin } from 'antd';
import { HomeRedirect, RequireRole, RequireSession } from './guards';
import { PAGES } from './pages';

// The login page loads alone; the shell (menu, header, period picker) and the error pages come
// after sign-in, so the first page stays small (UI.md §4: ≤ 300 KB gzip for login). A signed-in
// person opening a page never loads the login form (UI.md §4: ≤ 500 KB gzip for a role's home).
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() =>
  import('../features/errors/NotFoundPage').then((m) => ({ default: m.NotFoundPage })),
);

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Spin size="large" className="page-spinner" />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireSession>
        <Suspense fallback={<Spin size="large" className="page-spinner" />}>
          <AppLayout />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      ...PAGES.map((page) => ({
        path: page.path,
        element: (
          <RequireRole roles={page.roles}>
            <page.component />
          </RequireRole>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
