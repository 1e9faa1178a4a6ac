import type { SeededOrg } from '../support/test-app.ts';

/**
 * Every route that takes an id, with how to call it. Tenant-isolation and bad-input tests run over this table:
 * each new route with an id joins it.
 */
export interface IdRoute {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Builds the URL from the target organisation's seeded ids. */
  url: (org: SeededOrg, ids: ForeignIds) => string;
  /** A body, or a function building it from the target organisation's ids (for ids sent in the body). */
  payload?: unknown | ((org: SeededOrg) => unknown);
  /** True when the route reaches a client company's data, which a client-role user may see only for their own company. */
  companyData?: boolean;
  /** True when the client role lacks the permission outright: 403 for any id, so no id is revealed either way. */
  clientForbidden?: boolean;
  /**
   * Instance administration (/api/admin): reaches any organisation by design, for operators only. Everyone else gets
   * 403 for any id, their own organisation's or another's, so no id is revealed either way.
   */
  operatorOnly?: boolean;
}

/**
 * The application of the organisation's first listed company. Where the tests name a made-up company (a missing id),
 * that company's id stands in: no application has it, so the route answers as for any missing id.
 */
export const applicationOf = (org: SeededOrg) => org.applicationIdsByClient?.[org.clientIds[0]] ?? org.clientIds[0];

/** The licence of the organisation's first listed company (a made-up company's id where the tests name one). */
export const licenceOf = (org: SeededOrg) => org.licenceIdsByClient?.[org.clientIds[0]] ?? org.clientIds[0];

/** The expiry obligation of the organisation's first listed company's licence (a made-up id where none is seeded). */
export const obligationOf = (org: SeededOrg) => org.obligationIdsByClient?.[org.clientIds[0]] ?? org.clientIds[0];

/** The organisation's seeded webhook (a made-up id where none is seeded). */
export const webhookOf = (org: SeededOrg) => org.webhookId ?? org.clientIds[0];

/** The organisation's seeded import job (a made-up id where none is seeded). */
export const importOf = (org: SeededOrg) => org.importJobId ?? org.clientIds[0];

export interface ForeignIds {
  userId: string;
  tokenId: string;
}

export const idRoutes: IdRoute[] = [
  { name: 'get client', companyData: true, method: 'GET', url: (o) => `/api/clients/${o.clientIds[0]}` },
  { name: 'patch client', companyData: true, method: 'PATCH', url: (o) => `/api/clients/${o.clientIds[0]}`, payload: { contactName: 'tampered', version: 1 } },
  { name: 'archive client', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/clients/${o.clientIds[0]}/archive` },
  { name: 'restore client', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/clients/${o.clientIds[0]}/restore` },
  { name: 'patch user', method: 'PATCH', url: (_o, ids) => `/api/users/${ids.userId}`, payload: { name: 'tampered', version: 1 } },
  { name: 'reset user password', method: 'POST', url: (_o, ids) => `/api/users/${ids.userId}/reset-password` },
  { name: 'eligibility for a client', companyData: true, method: 'POST', url: () => '/api/eligibility', payload: (o: SeededOrg) => ({ service: 'B24-1', scope: 'BJ', clientId: o.clientIds[0] }) },
  { name: 'revoke token', method: 'DELETE', url: (_o, ids) => `/api/tokens/${ids.tokenId}` },
  { name: 'open application for a client', companyData: true, clientForbidden: true, method: 'POST', url: () => '/api/applications', payload: (o: SeededOrg) => ({ clientId: o.clientIds[0], serviceCode: 'B24-1', scope: 'BJ' }) },
  { name: 'get application', companyData: true, method: 'GET', url: (o) => `/api/applications/${applicationOf(o)}` },
  { name: 'application activity', companyData: true, method: 'GET', url: (o) => `/api/applications/${applicationOf(o)}/activity` },
  { name: 'application timeline', companyData: true, method: 'GET', url: (o) => `/api/applications/${applicationOf(o)}/timeline` },
  { name: 'patch application', companyData: true, clientForbidden: true, method: 'PATCH', url: (o) => `/api/applications/${applicationOf(o)}`, payload: { version: 1, business: { seats: 9 } } },
  { name: 'move application', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/transitions`, payload: { to: 'withdrawn', version: 1 } },
  { name: 'application checklist', companyData: true, method: 'GET', url: (o) => `/api/applications/${applicationOf(o)}/materials` },
  { name: 'add a checklist item', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/materials`, payload: { title: '补充材料' } },
  { name: 'remove a checklist item', companyData: true, clientForbidden: true, method: 'DELETE', url: (o) => `/api/applications/${applicationOf(o)}/materials/custom-0a1b2c3d` },
  { name: 'upload a material', companyData: true, method: 'PUT', url: (o) => `/api/applications/${applicationOf(o)}/materials/business-licence` },
  { name: 'download a material', companyData: true, method: 'GET', url: (o) => `/api/applications/${applicationOf(o)}/materials/business-licence/file` },
  { name: 'review a material', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/materials/business-licence/review`, payload: { decision: 'accept' } },
  { name: 'generate a document', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/documents/application-letter` },
  { name: 'application package', companyData: true, clientForbidden: true, method: 'GET', url: (o) => `/api/applications/${applicationOf(o)}/package` },
  { name: 'enter a licence for a client', companyData: true, clientForbidden: true, method: 'POST', url: () => '/api/licences', payload: (o: SeededOrg) => ({ clientId: o.clientIds[0], licenceNumber: '京B2-20269999', services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2026-01-05' }) },
  { name: 'get licence', companyData: true, method: 'GET', url: (o) => `/api/licences/${licenceOf(o)}` },
  { name: 'patch licence', companyData: true, clientForbidden: true, method: 'PATCH', url: (o) => `/api/licences/${licenceOf(o)}`, payload: { version: 1, notes: 'tampered' } },
  { name: 'licence obligations', companyData: true, method: 'GET', url: (o) => `/api/licences/${licenceOf(o)}/obligations` },
  { name: 'licence history', companyData: true, method: 'GET', url: (o) => `/api/licences/${licenceOf(o)}/events` },
  { name: 'record a licence event', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/licences/${licenceOf(o)}/events`, payload: { kind: 'licence-change', date: '2025-01-02' } },
  { name: 'remove a licence event', companyData: true, clientForbidden: true, method: 'DELETE', url: (o) => `/api/licences/${licenceOf(o)}/events/0a1b2c3d-1111-4222-8333-944455556666` },
  { name: 'get obligation', companyData: true, method: 'GET', url: (o) => `/api/obligations/${obligationOf(o)}` },
  { name: 'complete obligation', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/obligations/${obligationOf(o)}/complete`, payload: { note: 'tampered' } },
  { name: 'reopen obligation', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/obligations/${obligationOf(o)}/reopen` },
  { name: 'assign obligation', companyData: true, clientForbidden: true, method: 'PUT', url: (o) => `/api/obligations/${obligationOf(o)}/assignee`, payload: { assigneeId: null } },
  { name: 'upload obligation evidence', companyData: true, clientForbidden: true, method: 'POST', url: (o) => `/api/obligations/${obligationOf(o)}/evidence` },
  { name: 'download obligation evidence', companyData: true, method: 'GET', url: (o) => `/api/obligations/${obligationOf(o)}/evidence` },
  { name: 'patch webhook', clientForbidden: true, method: 'PATCH', url: (o) => `/api/webhooks/${webhookOf(o)}`, payload: { version: 1, isActive: true } },
  { name: 'delete webhook', clientForbidden: true, method: 'DELETE', url: (o) => `/api/webhooks/${webhookOf(o)}` },
  { name: 'test webhook', clientForbidden: true, method: 'POST', url: (o) => `/api/webhooks/${webhookOf(o)}/test` },
  { name: 'webhook deliveries', clientForbidden: true, method: 'GET', url: (o) => `/api/webhooks/${webhookOf(o)}/deliveries` },
  { name: 'get import', clientForbidden: true, method: 'GET', url: (o) => `/api/imports/${importOf(o)}` },
  { name: 'check import', clientForbidden: true, method: 'POST', url: (o) => `/api/imports/${importOf(o)}/check`, payload: { version: 1, mapping: ['name', 'uscc'] } },
  { name: 'run import', clientForbidden: true, method: 'POST', url: (o) => `/api/imports/${importOf(o)}/run`, payload: { version: 1, onDuplicate: 'skip', validOnly: false } },
  { name: 'import error report', clientForbidden: true, method: 'GET', url: (o) => `/api/imports/${importOf(o)}/error-report` },
  { name: 'deactivate organisation', operatorOnly: true, method: 'POST', url: (o) => `/api/admin/organisations/${o.orgId}/deactivate` },
  { name: 'reactivate organisation', operatorOnly: true, method: 'POST', url: (o) => `/api/admin/organisations/${o.orgId}/reactivate` },
  // Feeds are personal and none is seeded: this id is nobody's. Revoking another organisation's real feed is covered in
  // calendar-feeds.api.test.ts.
  { name: 'revoke calendar feed', method: 'DELETE', url: () => '/api/calendar-feeds/0a1b2c3d-2222-4333-8444-955566667777' },
];

/** Every write route, with a valid body to mutate in the bad-input tests. */
export interface WriteRoute {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT';
  url: (org: SeededOrg) => string;
  valid: Record<string, unknown>;
  /** A required field to drop, when the route has one. */
  required?: string;
  /** A field and a value of the wrong type. */
  wrongType: [string, unknown];
  /** A string field to make over-long. */
  longField?: string;
  /** A user-typed text field (the shared Text schema): NUL bytes, whitespace only and direction overrides are refused. */
  textField?: string;
}

export const writeRoutes: WriteRoute[] = [
  { name: 'load calendar year', method: 'POST', url: () => '/api/calendar/years', valid: { arrangement: { year: 2031, source: 'test', papers: [], days: [{ date: '2031-01-01', isOffDay: true, name: '元旦' }] } }, wrongType: ['arrangement', 'x'], longField: 'arrangement.source' },
  { name: 'load calendar year (holiday-cn file)', method: 'POST', url: () => '/api/calendar/years', valid: { holidayCn: { year: 2031, papers: [], days: [{ name: '元旦', date: '2031-01-01', isOffDay: true }] } }, wrongType: ['holidayCn', 'x'], longField: 'holidayCn.days.0.name' },
  { name: 'create organisation', method: 'POST', url: () => '/api/admin/organisations', valid: { name: 'Bad Input Org', kind: 'agency', owner: { email: 'boss@badinput.example.com', name: 'Boss' } }, required: 'name', wrongType: ['kind', 5], longField: 'owner.name' },
  { name: 'login', method: 'POST', url: () => '/api/auth/login', valid: { email: 'nobody@example.com', password: 'x' }, required: 'password', wrongType: ['email', 42], longField: 'password' },
  { name: 'create client', method: 'POST', url: () => '/api/clients', valid: { name: 'Bad Input Co', uscc: '91350100M000100Y43' }, required: 'name', wrongType: ['registeredCapital', '100'], longField: 'name', textField: 'name' },
  { name: 'patch client', method: 'PATCH', url: (o) => `/api/clients/${o.clientIds[0]}`, valid: { notes: 'n', version: 1 }, required: 'version', wrongType: ['foreignSharePercent', 'ten'], longField: 'notes', textField: 'name' },
  { name: 'create user', method: 'POST', url: () => '/api/users', valid: { email: 'new@example.com', name: 'New', role: 'staff' }, required: 'email', wrongType: ['role', 7], longField: 'name', textField: 'name' },
  { name: 'patch user', method: 'PATCH', url: (o) => `/api/users/${o.userIds.staff}`, valid: { name: 'n', version: 1 }, required: 'version', wrongType: ['isActive', 'yes'], longField: 'name', textField: 'name' },
  { name: 'create token', method: 'POST', url: () => '/api/tokens', valid: { name: 'script' }, required: 'name', wrongType: ['name', 5], longField: 'name', textField: 'name' },
  { name: 'eligibility check', method: 'POST', url: () => '/api/eligibility', valid: { service: 'B24-1', scope: 'BJ', company: { registeredCapital: 1_000_000, businessScope: '呼叫中心业务', foreignSharePercent: 0, province: 'BJ' } }, required: 'service', wrongType: ['scope', 5], longField: 'clientId' },
  { name: 'obligations preview', method: 'POST', url: () => '/api/obligations/preview', valid: { service: 'B24-1', scope: 'BJ', issuedOn: '2024-01-15' }, required: 'issuedOn', wrongType: ['annualReportsFiled', '2025'], longField: 'issuedOn' },
  { name: 'open application', method: 'POST', url: () => '/api/applications', valid: { clientId: '7d0c1a2e-1111-4222-8333-944455556666', serviceCode: 'B24-1', scope: 'BJ' }, required: 'clientId', wrongType: ['scope', 5], longField: 'serviceCode', textField: 'serviceCode' },
  { name: 'patch application', method: 'PATCH', url: (o) => `/api/applications/${applicationOf(o)}`, valid: { version: 1, business: { seats: 10, businessTypes: ['呼入客服'] } }, required: 'version', wrongType: ['business', 'big'], longField: 'business.coverage', textField: 'business.businessTypes.0' },
  { name: 'move application', method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/transitions`, valid: { to: 'withdrawn', version: 1 }, required: 'to', wrongType: ['version', 'one'], longField: 'note', textField: 'acceptanceNo' },
  { name: 'add a checklist item', method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/materials`, valid: { title: '房东同意书', required: true }, required: 'title', wrongType: ['required', 'yes'], longField: 'title', textField: 'title' },
  { name: 'review a material', method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/materials/business-licence/review`, valid: { decision: 'reject', reason: '缺少公章' }, required: 'decision', wrongType: ['decision', 5], longField: 'reason', textField: 'reason' },
  { name: 'enter a licence', method: 'POST', url: () => '/api/licences', valid: { clientId: '7d0c1a2e-1111-4222-8333-944455556666', licenceNumber: '京B2-20260001', services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2026-01-05' }, required: 'licenceNumber', wrongType: ['services', 'B24-1'], longField: 'notes', textField: 'licenceNumber' },
  { name: 'record a licence event', method: 'POST', url: (o) => `/api/licences/${licenceOf(o)}/events`, valid: { kind: 'service-opened', date: '2024-05-01', serviceCode: 'B24-1', note: '已开通' }, required: 'kind', wrongType: ['date', 20240501], longField: 'note', textField: 'serviceCode' },
  { name: 'patch licence', method: 'PATCH', url: (o) => `/api/licences/${licenceOf(o)}`, valid: { version: 1, notes: '原件存档于档案室' }, required: 'version', wrongType: ['issuedOn', 20260105], longField: 'notes', textField: 'licenceNumber' },
  { name: 'update rule overrides', method: 'PUT', url: () => '/api/settings/rules', valid: { version: 1, overrides: { 'processing.in-province.working-days': 45 } }, required: 'version', wrongType: ['overrides', 'forty-five'] },
  { name: 'complete obligation', method: 'POST', url: (o) => `/api/obligations/${obligationOf(o)}/complete`, valid: { note: '已提交续期申请' }, wrongType: ['note', 5], longField: 'note' },
  { name: 'assign obligation', method: 'PUT', url: (o) => `/api/obligations/${obligationOf(o)}/assignee`, valid: { assigneeId: null }, required: 'assigneeId', wrongType: ['assigneeId', 5] },
  { name: 'obligations in bulk', method: 'POST', url: () => '/api/obligations/bulk', valid: { action: 'complete', ids: ['7d0c1a2e-1111-4222-8333-944455556666'], note: '批量' }, required: 'action', wrongType: ['ids', 'x'], longField: 'note' },
  { name: 'mark notifications read', method: 'POST', url: () => '/api/notifications/read', valid: { all: true }, wrongType: ['ids', 'x'] },
  { name: 'update reminder settings', method: 'PUT', url: () => '/api/settings/reminders', valid: { leadDays: [30, 7], overdueWeekly: true, version: 0 }, required: 'leadDays', wrongType: ['overdueWeekly', 'yes'] },
  { name: 'create webhook', method: 'POST', url: () => '/api/webhooks', valid: { url: 'https://hooks.example.com/x', preset: 'generic', name: '值班群' }, required: 'url', wrongType: ['preset', 5], longField: 'name', textField: 'name' },
  { name: 'patch webhook', method: 'PATCH', url: (o) => `/api/webhooks/${webhookOf(o)}`, valid: { version: 1, name: '值班群' }, required: 'version', wrongType: ['isActive', 'yes'], longField: 'name', textField: 'name' },
  { name: 'create calendar feed', method: 'POST', url: () => '/api/calendar-feeds', valid: { scope: 'user' }, required: 'scope', wrongType: ['scope', 5] },
  { name: 'check import', method: 'POST', url: (o) => `/api/imports/${importOf(o)}/check`, valid: { version: 1, mapping: ['name', 'uscc'] }, required: 'mapping', wrongType: ['mapping', 'name'], longField: 'mapping.0' },
  { name: 'run import', method: 'POST', url: (o) => `/api/imports/${importOf(o)}/run`, valid: { version: 1, onDuplicate: 'skip', validOnly: true }, required: 'onDuplicate', wrongType: ['validOnly', 'yes'] },
];

/** Write routes that take no body: they still must refuse a malformed or oversized one, changing nothing. */
export const bodylessWriteRoutes: Array<{ name: string; method: 'POST' | 'DELETE'; url: (org: SeededOrg) => string }> = [
  { name: 'archive client', method: 'POST', url: (o) => `/api/clients/${o.clientIds[0]}/archive` },
  { name: 'remove a licence event', method: 'DELETE', url: (o) => `/api/licences/${licenceOf(o)}/events/0a1b2c3d-1111-4222-8333-944455556666` },
  { name: 'restore client', method: 'POST', url: (o) => `/api/clients/${o.clientIds[0]}/restore` },
  { name: 'reset user password', method: 'POST', url: (o) => `/api/users/${o.userIds.staff}/reset-password` },
  { name: 'remove loaded calendar year', method: 'DELETE', url: () => '/api/calendar/years/2031' },
  { name: 'deactivate organisation', method: 'POST', url: (o) => `/api/admin/organisations/${o.orgId}/deactivate` },
  { name: 'reactivate organisation', method: 'POST', url: (o) => `/api/admin/organisations/${o.orgId}/reactivate` },
  { name: 'logout', method: 'POST', url: () => '/api/auth/logout' },
  { name: 'generate a document', method: 'POST', url: (o) => `/api/applications/${applicationOf(o)}/documents/application-letter` },
  { name: 'remove a checklist item', method: 'DELETE', url: (o) => `/api/applications/${applicationOf(o)}/materials/custom-0a1b2c3d` },
  { name: 'revoke token', method: 'DELETE', url: () => '/api/tokens/7d0c1a2e-1111-4222-8333-944455556666' },
  { name: 'revoke calendar feed', method: 'DELETE', url: () => '/api/calendar-feeds/7d0c1a2e-1111-4222-8333-944455556666' },
  { name: 'reopen obligation', method: 'POST', url: (o) => `/api/obligations/${obligationOf(o)}/reopen` },
  { name: 'delete webhook', method: 'DELETE', url: (o) => `/api/webhooks/${webhookOf(o)}` },
  { name: 'test webhook', method: 'POST', url: (o) => `/api/webhooks/${webhookOf(o)}/test` },
];

/** Routes that take a file (multipart/form-data): their file checks live in materials.api.test.ts; these rows add the body-shape cases. */
export const uploadRoutes: Array<{ name: string; method: 'PUT' | 'POST'; url: (org: SeededOrg) => string }> = [
  { name: 'upload a material', method: 'PUT', url: (o) => `/api/applications/${applicationOf(o)}/materials/business-licence` },
  { name: 'upload obligation evidence', method: 'POST', url: (o) => `/api/obligations/${obligationOf(o)}/evidence` },
  { name: 'upload an import file', method: 'POST', url: () => '/api/imports?kind=clients' },
];
