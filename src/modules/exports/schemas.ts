import { Type, type Static, type TObject } from '@sinclair/typebox';
import { ApplicationListQuery } from '../applications/schemas.ts';
import { ClientListQuery } from '../clients/schemas.ts';
import { LicenceListQuery } from '../licences/schemas.ts';
import { ObligationListQuery } from '../obligations/schemas.ts';

/** What can be exported: each list of the web app, with that list's filters. */
export const exportKinds = ['clients', 'applications', 'licences', 'obligations'] as const;
export type ExportKind = (typeof exportKinds)[number];

export const ExportFormat = Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx', description: 'xlsx (default) or csv (UTF-8 with a byte-order mark, for Excel)' });
export type ExportFormat = Static<typeof ExportFormat>;

export const ExportLang = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')], { default: 'zh-CN', description: 'The language of the headings and of enumerated values (status, scope, kind); zh-CN by default' });
export type ExportLang = Static<typeof ExportLang>;

const exportOptions = Type.Object({ format: Type.Optional(ExportFormat), lang: Type.Optional(ExportLang) });

/** A list's query without its paging: an export reads every matching row. */
const withoutPaging = <T extends TObject>(list: T) => Type.Omit(list, ['cursor', 'page', 'pageSize']);

export const ClientExportFilters = withoutPaging(ClientListQuery);
export type ClientExportFilters = Static<typeof ClientExportFilters>;
export const ApplicationExportFilters = withoutPaging(ApplicationListQuery);
export type ApplicationExportFilters = Static<typeof ApplicationExportFilters>;
export const LicenceExportFilters = withoutPaging(LicenceListQuery);
export type LicenceExportFilters = Static<typeof LicenceExportFilters>;
export const ObligationExportFilters = withoutPaging(ObligationListQuery);
export type ObligationExportFilters = Static<typeof ObligationExportFilters>;

/** Each kind's filters (the list's, unchanged), as the route and the CLI check them. */
export const exportFilters = {
  clients: ClientExportFilters,
  applications: ApplicationExportFilters,
  licences: LicenceExportFilters,
  obligations: ObligationExportFilters,
} satisfies Record<ExportKind, TObject>;

/** Each route's query string: the list's filters, the format and the language. */
export const exportQueries = {
  clients: Type.Composite([ClientExportFilters, exportOptions], { title: 'ClientExportQuery' }),
  applications: Type.Composite([ApplicationExportFilters, exportOptions], { title: 'ApplicationExportQuery' }),
  licences: Type.Composite([LicenceExportFilters, exportOptions], { title: 'LicenceExportQuery' }),
  obligations: Type.Composite([ObligationExportFilters, exportOptions], { title: 'ObligationExportQuery' }),
} satisfies Record<ExportKind, TObject>;

/** A kind with its filters; the filters are optional (none: the list's defaults, e.g. active clients only). */
export type ExportRequest =
  | { kind: 'clients'; filters?: ClientExportFilters }
  | { kind: 'applications'; filters?: ApplicationExportFilters }
  | { kind: 'licences'; filters?: LicenceExportFilters }
  | { kind: 'obligations'; filters?: ObligationExportFilters };
