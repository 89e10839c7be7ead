import { createBrowserRouter } from 'react-router';
import LoginPage from '../features/auth/LoginPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { AppLayout } from './AppLayout';
import { HomeRedirect, RequireRole, RequireSession } from './guards';
import { PAGES } from './pages';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
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
