import { randomUUID } from 'node:crypto';
import type { LicenceImport } from '../../domain/import/index.ts';
import { defaultExpiresOn } from '../../domain/obligations/default-expires-on.ts';
import { AppError, type FieldIssue } from '../../platform/errors/app-error.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { scopedClients } from '../clients/repository.ts';
import * as licences from '../licences/repository.ts';
import { checkLicence } from '../licences/service.ts';
import { refreshObligationsOf } from '../obligations/refresh.ts';
import type { KindWriter, Known, RowProblem } from './kind-writer.ts';

// The holder of each row, found by its credit code in `resolve` and read back by `insert` (same import, same batch).
const holders = new WeakMap<LicenceImport, string>();

const expiryOf = (value: LicenceImport) => value.expiresOn ?? defaultExpiresOn(value.issuedOn);

/** What the registry's own checks say of a row (the term, the number against the services), as row problems. */
function registryProblems(value: LicenceImport): RowProblem[] {
  try {
    checkLicence({ number: value.licenceNumber, services: value.services, issuedOn: value.issuedOn, expiresOn: expiryOf(value), expiresOnGiven: value.expiresOn !== undefined });
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return ((error.details ?? []) as FieldIssue[]).map((issue) => ({ field: issue.field.startsWith('services') ? 'services' : issue.field, message: issue.message }));
  }
}

/** Years an annual report was filed, as history events: the filing day is not in the sheet, so the window's last day. */
function reportEvents(input: { scope: Scope; licenceId: string; years: number[]; now: string; skip?: Set<number> }) {
  return input.years.filter((year) => !input.skip?.has(year)).map((year) => ({
    id: randomUUID(), orgId: input.scope.orgId, licenceId: input.licenceId, kind: 'annual-report-filed', date: `${year}-03-31`,
    details: JSON.stringify({ year }), note: '导入：报送日期未知，按截止日记录 Imported: filing day unknown, recorded on the last day', createdBy: null, createdAt: input.now,
  }));
}

/** Licences, matched on their number; each is written with its facts and its obligations are derived in the batch. */
export const licenceWriter: KindWriter<LicenceImport> = {
  keyOf: (value) => value.licenceNumber,
  async findExisting(db, scope, keys) {
    const rows = await withinScope(db.selectFrom('licences'), { ...scope, clientId: null }, { org: 'licences.orgId', client: null })
      .select(['licences.id', 'licences.number', 'licences.version']).where('licences.number', 'in', keys).execute();
    return new Map<string, Known>(rows.map((r) => [r.number, { id: r.id, version: Number(r.version) }]));
  },
  async resolve(db, input) {
    const usccs = [...new Set(input.values.map((v) => v.holderUscc))];
    const found = await scopedClients(db, { ...input.scope, clientId: null }).select(['clients.id', 'clients.uscc']).where('clients.uscc', 'in', usccs).execute();
    const byUscc = new Map(found.map((c) => [c.uscc, c.id]));
    return input.values.map((value) => {
      const problems = registryProblems(value);
      const holder = byUscc.get(value.holderUscc);
      if (holder) holders.set(value, holder);
      else {
        problems.push({
          field: 'holderUscc',
          message: { zh: `信用代码为 ${value.holderUscc} 的企业不在客户中，请先导入或新建该客户`, en: `No client company has the credit code ${value.holderUscc}; import or create the client first` },
        });
      }
      return problems;
    });
  },
  async insert(db, input) {
    for (const { id, value } of input.rows) {
      const services = value.services.map((s) => ({ serviceCode: s.serviceCode, scope: s.scope }));
      await licences.insertLicence(db, {
        id, orgId: input.scope.orgId, clientId: holders.get(value)!, applicationId: null, number: value.licenceNumber, serviceCode: services[0].serviceCode, scope: services[0].scope,
        services: JSON.stringify(services), issuedOn: value.issuedOn, expiresOn: expiryOf(value), cancelledOn: null, notes: value.notes, obligationsStamp: '',
        version: 1, createdAt: input.now, updatedAt: input.now,
      });
      for (const event of reportEvents({ scope: input.scope, licenceId: id, years: value.annualReportsFiled, now: input.now })) await licences.insertLicenceEvent(db, event);
    }
  },
  async update(db, input) {
    const { value, target } = input;
    const services = value.services.map((s) => ({ serviceCode: s.serviceCode, scope: s.scope }));
    const changes = {
      clientId: holders.get(value)!, services: JSON.stringify(services), serviceCode: services[0].serviceCode, scope: services[0].scope,
      issuedOn: value.issuedOn, expiresOn: expiryOf(value), ...(value.notes ? { notes: value.notes } : {}), updatedAt: input.now, version: target.version + 1,
    };
    if (!(await licences.updateLicence(db, { ...input.scope, clientId: null }, target, changes))) return false;
    const filed = await db.selectFrom('licenceEvents').select('details').where('licenceId', '=', target.id).where('kind', '=', 'annual-report-filed').execute();
    const years = new Set(filed.map((e) => Number((JSON.parse(e.details) as { year?: number }).year)));
    for (const event of reportEvents({ scope: input.scope, licenceId: target.id, years: value.annualReportsFiled, now: input.now, skip: years })) await licences.insertLicenceEvent(db, event);
    return true;
  },
  async afterBatch(db, input) {
    if (input.ids.length > 0) await refreshObligationsOf(input.ctx, db, input.ids);
  },
};
