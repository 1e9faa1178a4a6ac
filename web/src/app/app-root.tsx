import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { LocaleProvider } from './locale-provider';
import { createQueryClient } from './query-client';
import { appRoutes } from './routes';
import { RouteGuard } from './components/route-guard';
import { NotFoundPage } from './components/not-found-page';
import { LoginPage } from '../features/auth/login-page';

const queryClient = createQueryClient();
// The signed-in frame (menu, header, pages) loads after sign-in, so the login page stays small.
const AppLayout = lazy(async () => ({ default: (await import('./layout/app-layout')).AppLayout }));

export function AppRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireAuth>
                    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '25vh auto' }} data-testid="page-loading" />}>
                      <AppLayout />
                    </Suspense>
                  </RequireAuth>
                }
              >
                <Route index element={<Navigate to="/dashboard" replace />} />
                {appRoutes.map((route) => (
                  <Route key={route.path} path={route.path} element={<RouteGuard access={route.access}>{route.element}</RouteGuard>} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
