import type { Client } from '../clients/schemas.ts';
import { listClients } from '../clients/service.ts';
import { column, exportPageSize, pageThrough, type ExportSheet } from './export-sheet.ts';
import type { ClientExportFilters } from './schemas.ts';
import { chinaTimeOf, inLang, provinceName } from './sheet-text.ts';

const status = { active: { zh: '在用', en: 'Active' }, archived: { zh: '已归档', en: 'Archived' } };

/**
 * Client companies as the list filters them, with every field a client has. The headings of the importable fields
 * are the client import's own labels (client-import-fields.ts), so an exported file imports again as it is.
 */
export const clientSheet: ExportSheet<Client, ClientExportFilters> = {
  title: { zh: '客户', en: 'Clients' },
  columns: [
    column('name', { zh: '企业名称', en: 'Company name' }, 'text', (c) => c.name, { width: 36 }),
    column('uscc', { zh: '统一社会信用代码', en: 'USCC' }, 'text', (c) => c.uscc, { width: 22 }),
    column('legalRepresentative', { zh: '法定代表人', en: 'Legal representative' }, 'text', (c) => c.legalRepresentative, { width: 14 }),
    column('registeredCapital', { zh: '注册资本（元）', en: 'Registered capital (yuan)' }, 'integer', (c) => c.registeredCapital, { width: 18 }),
    column('province', { zh: '省份', en: 'Province' }, 'text', (c, lang) => provinceName(c.province, lang), { width: 12 }),
    column('address', { zh: '地址', en: 'Address' }, 'text', (c) => c.address, { width: 40 }),
    column('contactName', { zh: '联系人', en: 'Contact name' }, 'text', (c) => c.contactName, { width: 12 }),
    column('contactPhone', { zh: '联系电话', en: 'Contact phone' }, 'text', (c) => c.contactPhone, { width: 18 }),
    column('contactEmail', { zh: '联系邮箱', en: 'Contact email' }, 'text', (c) => c.contactEmail, { width: 26 }),
    column('foreignSharePercent', { zh: '外资比例（%）', en: 'Foreign share (%)' }, 'number', (c) => c.foreignSharePercent, { width: 14 }),
    column('businessScope', { zh: '经营范围', en: 'Business scope' }, 'text', (c) => c.businessScope, { width: 40 }),
    column('notes', { zh: '备注', en: 'Notes' }, 'text', (c) => c.notes, { width: 30 }),
    column('status', { zh: '状态', en: 'Status' }, 'text', (c, lang) => inLang(c.archivedAt === null ? status.active : status.archived, lang), { width: 10 }),
    column('createdAt', { zh: '创建时间', en: 'Created at' }, 'text', (c) => chinaTimeOf(c.createdAt), { width: 17 }),
    column('updatedAt', { zh: '更新时间', en: 'Updated at' }, 'text', (c) => chinaTimeOf(c.updatedAt), { width: 17 }),
  ],
  pages: ({ ctx, actor, filters }) => pageThrough((cursor) => listClients(ctx, actor, { ...filters, cursor, pageSize: exportPageSize })),
};
