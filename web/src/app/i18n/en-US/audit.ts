import type { audit as zh } from '../zh-CN/audit';
import type { Widen } from '../types';

export const audit: Widen<typeof zh> = {
  audit: {
    entityTypes: {
      client: 'Client',
      user: 'User',
      'api-token': 'API token',
      organisation: 'Organisation',
      'calendar-year': 'Holiday arrangement',
      'org-settings': 'Organisation settings',
      application: 'Application',
      licence: 'Licence',
      obligation: 'Obligation',
      webhook: 'Webhook',
      'calendar-feed': 'Calendar feed',
    },
    actions: {
      client: {
        create: 'Client created',
        update: 'Client changed',
        archive: 'Client archived',
        restore: 'Client restored',
        'uscc-override': 'Credit code confirmed',
      },
      user: {
        create: 'User created',
        update: 'User changed',
        deactivate: 'User deactivated',
        reactivate: 'User reactivated',
        'reset-password': 'Password reset',
        'access-ended': 'Sessions ended, API tokens revoked',
        'operator-grant': 'Made instance operator',
        'operator-revoke': 'Instance operator revoked',
      },
      auth: { login: 'Logged in', logout: 'Logged out' },
      token: { create: 'API token created', revoke: 'API token revoked' },
      system: { bootstrap: 'System set up', demo: 'Demo data loaded' },
      calendar: { load: 'Loaded holiday arrangement', replace: 'Replaced holiday arrangement', unload: 'Removed holiday arrangement' },
      organisation: { create: 'Organisation created', deactivate: 'Organisation deactivated', reactivate: 'Organisation reactivated' },
      settings: { rules: { update: 'Changed rule overrides' }, reminders: { update: 'Updated reminder settings' } },
      application: {
        create: 'Opened an application',
        update: 'Updated an application',
        transition: 'Moved an application',
        item: { add: 'Added a checklist item', remove: 'Removed a checklist item' },
        material: { upload: 'Uploaded a material', generate: 'Generated a document', accept: 'Accepted a material', reject: 'Rejected a material', download: 'Downloaded a material' },
        package: { download: 'Downloaded the package' },
      },
      licence: { create: 'Registered a licence', update: 'Updated a licence', event: { record: 'Recorded a licence event', remove: 'Removed a licence event' } },
      obligation: { complete: 'Completed an obligation', reopen: 'Reopened an obligation', assign: 'Assigned an obligation', evidence: 'Attached evidence' },
      webhook: { create: 'Added a webhook', update: 'Updated a webhook', delete: 'Removed a webhook' },
      'calendar-feed': { create: 'Created a calendar feed', revoke: 'Revoked a calendar feed' },
    },
  },
};
