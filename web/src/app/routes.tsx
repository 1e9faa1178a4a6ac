import { lazy, type ComponentType, type ReactNode } from 'react';
import {
  AuditOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { AccessFlag } from './access';
import type { Role } from './auth/auth-context';

/** A page loaded when first opened, so the sign-in page and each page bring only their own code. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const DashboardPage = lazyPage(() => import('../features/dashboard/dashboard-page'), 'DashboardPage');
const ClientsListPage = lazyPage(() => import('../features/clients/pages/clients-list-page'), 'ClientsListPage');
const ClientCreatePage = lazyPage(() => import('../features/clients/pages/client-create-page'), 'ClientCreatePage');
const ClientDetailPage = lazyPage(() => import('../features/clients/pages/client-detail-page'), 'ClientDetailPage');
const ClientEditPage = lazyPage(() => import('../features/clients/pages/client-edit-page'), 'ClientEditPage');
const ClientsImportPage = lazyPage(() => import('../features/imports/pages/import-page'), 'ClientsImportPage');
const LicencesImportPage = lazyPage(() => import('../features/imports/pages/import-page'), 'LicencesImportPage');
const ApplicationsListPage = lazyPage(() => import('../features/applications/pages/applications-list-page'), 'ApplicationsListPage');
const ApplicationDetailPage = lazyPage(() => import('../features/applications/pages/application-detail-page'), 'ApplicationDetailPage');
const LicensesPage = lazyPage(() => import('../features/licenses/pages/licenses-list-page'), 'LicensesPage');
const LicenseDetailPage = lazyPage(() => import('../features/licenses/pages/license-detail-page'), 'LicenseDetailPage');
const ObligationsPage = lazyPage(() => import('../features/obligations/pages/obligations-page'), 'ObligationsPage');
const CatalogPage = lazyPage(() => import('../features/catalog/pages/catalog-page'), 'CatalogPage');
const ServicePage = lazyPage(() => import('../features/catalog/pages/service-page'), 'ServicePage');
const EligibilityPage = lazyPage(() => import('../features/catalog/pages/eligibility-page'), 'EligibilityPage');
const ObligationsPreviewPage = lazyPage(() => import('../features/catalog/pages/obligations-preview-page'), 'ObligationsPreviewPage');
const CalendarPage = lazyPage(() => import('../features/calendar/calendar-page'), 'CalendarPage');
const SettingsPage = lazyPage(() => import('../features/settings/settings-page'), 'SettingsPage');
const PlatformPage = lazyPage(() => import('../features/platform/platform-page'), 'PlatformPage');

export type NavKey = 'dashboard' | 'clients' | 'myCompany' | 'applications' | 'licenses' | 'obligations' | 'catalog' | 'settings' | 'platform';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Roles that may open this route; others see a "no access" page. */
  access: AccessFlag;
  /** Present for routes shown in the side menu, in menu order. */
  menu?: { icon: ReactNode; label: (role: Role) => NavKey };
}

/** Every page behind the login, declared once: the router and the side menu are both built from this list. */
export const appRoutes: AppRoute[] = [
  { path: '/dashboard', element: <DashboardPage />, access: 'signedIn', menu: { icon: <DashboardOutlined />, label: () => 'dashboard' } },
  {
    path: '/clients',
    element: <ClientsListPage />,
    access: 'signedIn',
    menu: { icon: <TeamOutlined />, label: (role) => (role === 'client' ? 'myCompany' : 'clients') },
  },
  { path: '/clients/new', element: <ClientCreatePage />, access: 'createClients' },
  { path: '/clients/import', element: <ClientsImportPage />, access: 'runImports' },
  { path: '/clients/:id', element: <ClientDetailPage />, access: 'signedIn' },
  { path: '/clients/:id/edit', element: <ClientEditPage />, access: 'editClients' },
  { path: '/applications', element: <ApplicationsListPage />, access: 'readApplications', menu: { icon: <FileProtectOutlined />, label: () => 'applications' } },
  { path: '/applications/:id', element: <ApplicationDetailPage />, access: 'readApplications' },
  { path: '/licenses', element: <LicensesPage />, access: 'signedIn', menu: { icon: <SafetyCertificateOutlined />, label: () => 'licenses' } },
  { path: '/licenses/import', element: <LicencesImportPage />, access: 'runImports' },
  { path: '/licenses/:id', element: <LicenseDetailPage />, access: 'signedIn' },
  { path: '/obligations', element: <ObligationsPage />, access: 'signedIn', menu: { icon: <AuditOutlined />, label: () => 'obligations' } },
  { path: '/catalog', element: <CatalogPage />, access: 'signedIn', menu: { icon: <BookOutlined />, label: () => 'catalog' } },
  { path: '/catalog/eligibility', element: <EligibilityPage />, access: 'signedIn' },
  { path: '/catalog/obligations-preview', element: <ObligationsPreviewPage />, access: 'signedIn' },
  { path: '/catalog/calendar', element: <CalendarPage />, access: 'signedIn' },
  // After the fixed /catalog/… pages; react-router ranks static segments first anyway.
  { path: '/catalog/:code', element: <ServicePage />, access: 'signedIn' },
  { path: '/settings/:tab?', element: <SettingsPage />, access: 'openSettings', menu: { icon: <SettingOutlined />, label: () => 'settings' } },
  // Instance administration, for operators only: the organisations sharing this LicenseDesk.
  { path: '/platform', element: <PlatformPage />, access: 'operateInstance', menu: { icon: <ClusterOutlined />, label: () => 'platform' } },
];

/** The menu link of a route: `/settings/:tab?` → `/settings`. */
export function menuPath(route: AppRoute): string {
  return route.path.replace(/\/:[^/]+\?$/, '');
}
