import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { ApiError } from './api/api-error';
import { refreshSession } from './api/session';
import { router } from './app/router';
import { themeFor } from './app/theme';
import './app/app.css';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal will not change by asking again; a network hiccup may.
      retry: (count, error) => !(error instanceof ApiError && error.status > 0) && count < 2,
    },
  },
});

// Read once at start: a person changes this setting rarely, and a reload follows it.
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// A reload keeps the user signed in: the refresh cookie brings a new access token.
void refreshSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={themeFor(reducedMotion)}>
      {/* Messages below the 64 px header: on top they would hide the header's menus and the
          close button of a drawer (and hovering them keeps them open). */}
      <AntApp message={{ top: 76 }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
