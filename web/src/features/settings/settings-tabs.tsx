import type { ReactNode } from 'react';
import type { AccessFlag } from '../../app/access';
import { UsersTab } from './users/users-tab';
import { TokensTab } from './tokens/tokens-tab';
import { AuditLogTab } from './audit/audit-log-tab';
import { CalendarTab } from './calendar/calendar-tab';
import { RulesTab } from './rules/rules-tab';
import { RemindersTab } from './reminders/reminders-tab';
import { WebhooksTab } from './webhooks/webhooks-tab';
import { DataExportTab } from './data-export/data-export-tab';

export type SettingsTabKey = 'users' | 'tokens' | 'reminders' | 'webhooks' | 'calendar' | 'rules' | 'audit' | 'export';

export interface SettingsTab {
  key: SettingsTabKey;
  access: AccessFlag;
  element: ReactNode;
}

/**
 * The settings tabs, in order; each is reachable at /settings/<key>, with a label under settings.tabs.
 * The working calendar is read by everyone at 知识库 → 工作日历 (/catalog/calendar); loading years happens here.
 */
export const settingsTabs: SettingsTab[] = [
  { key: 'users', access: 'manageUsers', element: <UsersTab /> },
  { key: 'tokens', access: 'manageSettings', element: <TokensTab /> },
  { key: 'reminders', access: 'readReminderSettings', element: <RemindersTab /> },
  { key: 'webhooks', access: 'manageSettings', element: <WebhooksTab /> },
  { key: 'calendar', access: 'manageCalendar', element: <CalendarTab /> },
  { key: 'rules', access: 'manageRules', element: <RulesTab /> },
  { key: 'audit', access: 'viewAudit', element: <AuditLogTab /> },
  { key: 'export', access: 'exportArchive', element: <DataExportTab /> },
];
