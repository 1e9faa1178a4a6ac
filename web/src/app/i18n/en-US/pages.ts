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
    upcomingTitle: 'Coming soon',
    upcomingText: 'Application progress, licence expiry reminders and compliance tasks such as annual reports will appear here.',
  },
  comingSoon: {
    notYet: 'Not available yet',
    applications: {
      title: 'Applications',
      description: 'Licence applications (new, change, renewal) will be managed here: material checklists, progress and timeline. This feature is not available yet.',
    },
    licenses: {
      title: 'Licenses',
      description: 'Value-added telecom licences already held (e.g. call centre B2-…) will be recorded here, with reminders for expiry and changes. This feature is not available yet.',
    },
    obligations: {
      title: 'Obligations',
      description: 'Compliance tasks such as annual reports (年报) will be generated here per licence, with deadlines counted in official working days. This feature is not available yet.',
    },
  },
};
