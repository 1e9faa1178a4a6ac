import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { LocaleProvider } from './locale-provider';
import { createQueryClient } from './query-client';
import { loadSignedInTexts } from './i18n';
import { LoginPage } from '../features/auth/login-page';

const queryClient = createQueryClient();
// The signed-in frame (menu, header, route table, pages) and its texts load after sign-in, so the login page stays small.
const SignedInApp = lazy(async () => {
  const [module] = await Promise.all([import('./layout/signed-in-app'), loadSignedInTexts()]);
  return { default: module.SignedInApp };
});

export function AppRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* Its own <Routes> inside matches the signed-in paths; "*" hands every other path to it. */}
              <Route
                path="*"
                element={
                  <RequireAuth>
                    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '25vh auto' }} data-testid="page-loading" />}>
                      <SignedInApp />
                    </Suspense>
                  </RequireAuth>
                }
              />
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
