import { Navigate, Route, Routes } from 'react-router';
import { appRoutes } from '../routes';
import { RouteGuard } from '../components/route-guard';
import { NotFoundPage } from '../components/not-found-page';
import { AppLayout } from './app-layout';

/** Everything behind the login (frame, menu, route table, guards) in one chunk, loaded after sign-in. */
export function SignedInApp() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/dashboard" replace />} />
        {appRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={<RouteGuard access={route.access}>{route.element}</RouteGuard>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
