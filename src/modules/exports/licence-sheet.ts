import { licenceStatusTitles } from '../../domain/licences/licence-status.ts';
import { findService } from '../../domain/catalog/services.ts';
import { scopeOf } from '../access/actor.ts';
import type { Licence } from '../licences/schemas.ts';
import { listLicences } from '../licences/service.ts';
import { column, exportPageSize, pageThrough, type ExportSheet } from './export-sheet.ts';
import { findClientCodes, listFiledReportYears } from './repository.ts';
import type { LicenceExportFilters } from './schemas.ts';
import { chinaTimeOf, inLang, joinItems, scopeName, type SheetLang } from './sheet-text.ts';

/** A licence with what an import needs to recreate it: the holder's credit code and the annual reports filed. */
export interface LicenceItem {
  licence: Licence;
  holderUscc: string | null;
  reportYears: number[];
}

/** Each service's name, with its scope when the services do not all share one. */
function serviceNames(l: Licence, lang: SheetLang): string {
  const mixed = new Set(l.services.map((s) => s.scope)).size > 1;
  return joinItems(
    l.services.map((s) => {
      const name = findService(s.serviceCode) ? inLang(s.name, lang) : s.serviceCode;
      return mixed ? `${name}（${scopeName(s.scope, lang)}）` : name;
    }),
    lang,
  );
}

const distinct = (items: string[]) => [...new Set(items)];

/**
 * Licences as the registry filters them (soonest expiry first). The headings of the importable fields are the licence
 * import's labels (licence-import-fields.ts): number, holder's credit code, service codes, scope, dates and the annual
 * reports filed, so an export imports again into licences with the same obligations.
 */
export const licenceSheet: ExportSheet<LicenceItem, LicenceExportFilters> = {
  title: { zh: '许可证', en: 'Licences' },
  columns: [
    column('number', { zh: '许可证编号', en: 'Licence number' }, 'text', (i) => i.licence.number, { width: 22 }),
    column('holderName', { zh: '持证单位名称', en: 'Holder name' }, 'text', (i) => i.licence.clientName, { width: 32 }),
    column('holderUscc', { zh: '持证单位统一社会信用代码', en: 'Holder USCC' }, 'text', (i) => i.holderUscc, { width: 22 }),
    column('services', { zh: '业务种类', en: 'Services' }, 'text', (i, lang) => joinItems(i.licence.services.map((s) => s.serviceCode), lang), { width: 16 }),
    column('serviceNames', { zh: '业务名称', en: 'Service names' }, 'text', (i, lang) => serviceNames(i.licence, lang), { width: 30 }),
    column('scope', { zh: '业务覆盖范围', en: 'Scope' }, 'text', (i, lang) => joinItems(distinct(i.licence.services.map((s) => scopeName(s.scope, lang))), lang), { width: 14 }),
    column('issuedOn', { zh: '发证日期', en: 'Issued on' }, 'date', (i) => i.licence.issuedOn),
    column('expiresOn', { zh: '有效期至', en: 'Expires on' }, 'date', (i) => i.licence.expiresOn),
    column('status', { zh: '状态', en: 'Status' }, 'text', (i, lang) => inLang(licenceStatusTitles[i.licence.status], lang), { width: 10 }),
    column('authority', { zh: '发证机关', en: 'Issuing authority' }, 'text', (i, lang) => inLang(i.licence.authority.name, lang), { width: 30 }),
    column('annualReportsFiled', { zh: '已报年报年份', en: 'Annual reports filed' }, 'text', (i, lang) => joinItems(i.reportYears.map(String), lang), { width: 18 }),
    column('renewalOpensOn', { zh: '续期提醒起始日', en: 'Renewal window opens' }, 'date', (i) => i.licence.renewalOpensOn, { width: 14 }),
    column('cancelledOn', { zh: '注销日期', en: 'Cancelled on' }, 'date', (i) => i.licence.cancelledOn),
    column('notes', { zh: '备注', en: 'Notes' }, 'text', (i) => i.licence.notes, { width: 30 }),
    column('createdAt', { zh: '登记时间', en: 'Registered at' }, 'text', (i) => chinaTimeOf(i.licence.createdAt), { width: 17 }),
  ],
  async *pages({ ctx, actor, filters }) {
    const scope = scopeOf(actor);
    for await (const page of pageThrough((cursor) => listLicences(ctx, actor, { ...filters, cursor, pageSize: exportPageSize }))) {
      const codes = await findClientCodes(ctx.db, scope, page.map((l) => l.clientId));
      const years = await listFiledReportYears(ctx.db, scope, page.map((l) => l.id));
      yield page.map((licence) => ({ licence, holderUscc: codes.get(licence.clientId) ?? null, reportYears: years.get(licence.id) ?? [] }));
    }
  },
};
