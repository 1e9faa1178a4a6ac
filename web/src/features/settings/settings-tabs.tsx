import type { ReactNode } from 'react';
import type { AccessFlag } from '../../app/access';
import { UsersTab } from './users/users-tab';
import { TokensTab } from './tokens/tokens-tab';
import { AuditLogTab } from './audit/audit-log-tab';

export type SettingsTabKey = 'users' | 'tokens' | 'audit';

export interface SettingsTab {
  key: SettingsTabKey;
  access: AccessFlag;
  element: ReactNode;
}

/**
 * The settings tabs, in order; each is reachable at /settings/<key>.
 * Add new tabs here (planned: working calendar 工作日历, rule overrides 规则覆盖) with a label under settings.tabs.
 */
export const settingsTabs: SettingsTab[] = [
  { key: 'users', access: 'manageUsers', element: <UsersTab /> },
  { key: 'tokens', access: 'manageSettings', element: <TokensTab /> },
  { key: 'audit', access: 'viewAudit', element: <AuditLogTab /> },
];
