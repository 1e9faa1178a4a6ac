import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { LocaleProvider } from './locale-provider';
import { createQueryClient } from './query-client';
import { appRoutes } from './routes';
import { RouteGuard } from './components/route-guard';
import { NotFoundPage } from './components/not-found-page';
import { LoginPage } from '../features/auth/login-page';

const queryClient = createQueryClient();

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
                    <AppLayout />
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
