import type { pages as zh } from '../zh-CN/pages';
import type { Widen } from '../types';

export const pages: Widen<typeof zh> = {
  dashboard: {
    title: 'Dashboard',
    welcome: 'Welcome, {{name}}',
    activeClients: 'Active clients',
    archivedClients: 'Archived clients',
    viewClients: 'View clients',
    quickActions: 'Quick actions',
    newClient: 'New client',
    myCompany: 'View my company',
    applicationsTitle: 'Application progress',
    viewApplications: 'All applications',
    noApplications: 'No applications yet. Once you open one for a client under Applications, the latest progress shows here.',
    noApplicationsClient: 'Your company has no applications yet.',
  },
  comingSoon: {
    notYet: 'Not available yet',
    obligations: {
      title: 'Obligations',
      description: 'Compliance tasks such as annual reports (年报) will be generated here per licence, with deadlines counted in official working days. This feature is not available yet.',
    },
  },
};
