import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';
import { Text } from '../../platform/http/text.ts';
import { LocalizedText } from '../catalog/schemas.ts';

export const Notification = Type.Object(
  {
    id: Type.String(),
    obligationId: Nullable(Type.String()),
    lead: Type.String({ description: '90d, 30d, … days before due, or overdue-N (N whole weeks after due)' }),
    title: LocalizedText,
    body: LocalizedText,
    createdAt: Type.String(),
    readAt: Nullable(Type.String()),
  },
  { $id: 'Notification', title: 'Notification' },
);

export const NotificationList = Type.Object(
  { items: Type.Array(Type.Ref('Notification')), unread: Type.Integer({ description: 'Unread notifications in all' }), nextCursor: Nullable(Type.String()) },
  { title: 'NotificationList' },
);

export const NotificationQuery = Type.Object({
  unreadOnly: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[0-9T:.Z-]+\\|[0-9a-f-]{36}$', description: 'The nextCursor of the page before' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type NotificationQuery = Static<typeof NotificationQuery>;

export const MarkReadRequest = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true })),
    all: Type.Optional(Type.Literal(true, { description: 'Mark every notification read' })),
  },
  { additionalProperties: false, title: 'NotificationsReadRequest' },
);
export type MarkReadRequest = Static<typeof MarkReadRequest>;

export const ReminderSettings = Type.Object(
  {
    leadDays: Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { maxItems: 10, description: 'Days before due to remind, each once (default 90, 30, 14, 7, 1)' }),
    overdueWeekly: Type.Boolean({ description: 'After the first overdue reminder, repeat it every 7 days until done' }),
    version: Type.Integer({ description: '0 until the organisation saves its own' }),
    channels: Type.Object({
      inApp: Type.Boolean(),
      email: Type.Boolean({ description: 'True when LICENSEDESK_SMTP_URL is set on this instance' }),
      webhooks: Type.Integer({ description: 'Active webhooks' }),
    }),
  },
  { title: 'ReminderSettings' },
);

export const ReminderSettingsUpdate = Type.Object(
  {
    leadDays: Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { maxItems: 10, uniqueItems: true }),
    overdueWeekly: Type.Boolean(),
    version: Type.Integer({ minimum: 0, description: 'The version read (0 when still the default)' }),
  },
  { additionalProperties: false, title: 'ReminderSettingsUpdate' },
);
export type ReminderSettingsUpdate = Static<typeof ReminderSettingsUpdate>;

export const WebhookPreset = Type.Union([Type.Literal('generic'), Type.Literal('wecom'), Type.Literal('dingtalk')], {
  description: 'generic: LicenseDesk JSON signed with x-licensedesk-signature; wecom: 企业微信 group robot; dingtalk: 钉钉 group robot (the secret signs the URL)',
});

export const Webhook = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    url: Type.String({ description: 'The address, with any query (a robot key) shown only to its end' }),
    preset: WebhookPreset,
    hasSecret: Type.Boolean(),
    isActive: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String(),
    lastDelivery: Nullable(Type.Object({ status: Type.String(), at: Type.String(), error: Type.String() })),
  },
  { $id: 'Webhook', title: 'Webhook' },
);

export const WebhookCreate = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    url: Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://', description: 'http(s) URL' }),
    preset: WebhookPreset,
    secret: Type.Optional(Type.String({ minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'generic: the HMAC key (generated when absent, returned once); dingtalk: the robot’s SEC… secret' })),
  },
  { additionalProperties: false, title: 'WebhookCreate' },
);
export type WebhookCreate = Static<typeof WebhookCreate>;

export const WebhookCreated = Type.Object(
  { webhook: Type.Ref('Webhook'), secret: Nullable(Type.String({ description: 'Shown this once: keep it to verify signatures' })) },
  { title: 'WebhookCreated' },
);

export const WebhookPatch = Type.Object(
  {
    name: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    url: Type.Optional(Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://' })),
    isActive: Type.Optional(Type.Boolean()),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, title: 'WebhookPatch' },
);
export type WebhookPatch = Static<typeof WebhookPatch>;

export const WebhookDelivery = Type.Object(
  {
    id: Type.String(),
    lead: Type.String(),
    obligationId: Nullable(Type.String()),
    status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('skipped'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(Type.String({ description: 'When pending: the next try' })),
    responseStatus: Nullable(Type.Integer()),
    lastError: Type.String(),
    sentAt: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'WebhookDelivery', title: 'WebhookDelivery' },
);

export const SweepResult = Type.Object({
  planned: Type.Integer(), queued: Type.Integer(), skipped: Type.Integer(), notified: Type.Integer(), sent: Type.Integer(), retrying: Type.Integer(), failed: Type.Integer(),
});
