import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { MarkReadRequest, Notification, NotificationList, NotificationQuery, ReminderSettings, ReminderSettingsUpdate, Webhook, WebhookCreate, WebhookCreated, WebhookDelivery, WebhookPatch } from './schemas.ts';
import * as service from './service.ts';

export async function reminderRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(Notification);
  app.addSchema(Webhook);
  app.addSchema(WebhookDelivery);
  const WebhookRef = Type.Ref('Webhook');
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get(
    '/api/notifications',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: 'The bell: your reminders, newest first, with the unread count', querystring: NotificationQuery, response: withErrors({ 200: NotificationList }) } },
    async (request) => service.listNotifications(ctx, actorOf(request), request.query as NotificationQuery),
  );

  app.post(
    '/api/notifications/read',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: 'Mark notifications read: some by id, or all', body: MarkReadRequest, response: withErrors({ 200: Type.Object({ unread: Type.Integer() }) }) } },
    async (request) => service.markNotificationsRead(ctx, actorOf(request), request.body as MarkReadRequest),
  );

  app.get(
    '/api/settings/reminders',
    { config: { access: 'rules:read' }, schema: { tags: ['settings'], summary: 'Reminder lead times (days before due, overdue weekly) and which channels are on', response: withErrors({ 200: ReminderSettings }) } },
    async (request) => service.getReminderSettings(ctx, actorOf(request)),
  );

  app.put(
    '/api/settings/reminders',
    { config: { access: 'settings:manage' }, schema: { tags: ['settings'], summary: 'Set the reminder lead times (carries the version read)', body: ReminderSettingsUpdate, response: withErrors({ 200: ReminderSettings }) } },
    async (request) => service.updateReminderSettings(ctx, actorOf(request), request.body as ReminderSettingsUpdate),
  );

  const tags = ['webhooks'];
  app.get(
    '/api/webhooks',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'The organisation’s webhooks, each with its last delivery', response: withErrors({ 200: Type.Array(WebhookRef) }) } },
    async (request) => service.listWebhooks(ctx, actorOf(request)),
  );

  app.post(
    '/api/webhooks',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'Add a webhook (generic JSON signed with HMAC-SHA256, 企业微信 or 钉钉 robot); a generated secret is returned once', body: WebhookCreate, response: withErrors({ 201: WebhookCreated }) } },
    async (request, reply) => reply.status(201).send(await service.createWebhook(ctx, actorOf(request), request.body as WebhookCreate)),
  );

  app.patch(
    '/api/webhooks/:id',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'Rename, re-point, pause or resume a webhook (carries the version read)', params: IdParams, body: WebhookPatch, response: withErrors({ 200: WebhookRef }) } },
    async (request) => service.updateWebhook(ctx, actorOf(request), idOf(request), request.body as WebhookPatch),
  );

  app.delete(
    '/api/webhooks/:id',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'Remove a webhook (its pending deliveries are dropped; the log of past ones goes with it)', params: IdParams, response: withErrors({ 204: Type.Null() }) } },
    async (request, reply) => {
      await service.deleteWebhook(ctx, actorOf(request), idOf(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/webhooks/:id/test',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'Send a test message now, once; the answer is the logged delivery', params: IdParams, response: withErrors({ 200: Type.Ref('WebhookDelivery') }) } },
    async (request) => service.testWebhook(ctx, actorOf(request), idOf(request)),
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'The webhook’s delivery log, newest first: status, attempts, the receiver’s answer', params: IdParams, response: withErrors({ 200: Type.Array(Type.Ref('WebhookDelivery')) }) } },
    async (request) => service.listDeliveries(ctx, actorOf(request), idOf(request)),
  );
}
