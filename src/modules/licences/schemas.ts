import { Type, type Static } from '@sinclair/typebox';
import { licenceEventKinds } from '../../domain/licences/licence-facts.ts';
import { licenceStatuses } from '../../domain/licences/licence-status.ts';
import { CalendarDate, Nullable, PageQuery } from '../../platform/http/schemas.ts';
import { Identifier, Text } from '../../platform/http/text.ts';
import { Scope } from '../applications/schemas.ts';
import { LocalizedText } from '../catalog/schemas.ts';


export const LicenceStatus = Type.Union(
  licenceStatuses.map((s) => Type.Literal(s)),
  { description: 'active; expiring (the renewal window is open: 180 days before expiry by default); expired; cancelled (注销)' },
);

export const LicenceService = Type.Object(
  {
    serviceCode: Text({ minLength: 1, maxLength: 20, description: 'Catalogue service code, e.g. B24-1' }),
    scope: Scope,
  },
  { additionalProperties: false, title: 'LicenceService' },
);

export const Licence = Type.Object(
  {
    id: Type.String(),
    clientId: Type.String(),
    clientName: Type.String(),
    applicationId: Nullable(Type.String({ description: 'The application that issued it; null when entered directly' })),
    number: Type.String({ description: 'Normalised, e.g. 京B2-20260001' }),
    authority: Type.Object({ code: Type.String({ description: 'MIIT or a province code' }), name: LocalizedText }, { description: 'Who issued it, read from the number' }),
    numberYear: Nullable(Type.Integer({ description: 'The year in the number' })),
    services: Type.Array(Type.Object({ serviceCode: Type.String(), scope: Type.String(), name: LocalizedText })),
    issuedOn: Type.String(),
    expiresOn: Type.String(),
    status: LicenceStatus,
    renewalOpensOn: Type.String({ description: 'When the renewal window opens (the licence counts as expiring from then)' }),
    cancelledOn: Nullable(Type.String()),
    notes: Type.String(),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Licence', title: 'Licence' },
);
export type Licence = Static<typeof Licence>;

export const LicenceCreate = Type.Object(
  {
    clientId: Type.String({ format: 'uuid', description: 'The holder: a client company of this organisation' }),
    licenceNumber: Identifier({ minLength: 1, maxLength: 40, description: 'As printed, e.g. 京B2-20260001 or B2-20190001; spaces and full-width characters are normalised' }),
    services: Type.Array(LicenceService, { minItems: 1, maxItems: 20, description: 'Every service the licence lists, each with its scope' }),
    issuedOn: CalendarDate('Issue date'),
    expiresOn: Type.Optional(CalendarDate('Expiry as printed (default: five years after issue)')),
    notes: Type.Optional(Text({ maxLength: 2000, multiline: true })),
  },
  { additionalProperties: false, title: 'LicenceCreate' },
);
export type LicenceCreate = Static<typeof LicenceCreate>;

export const LicencePatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a stale one answers 409' }),
    licenceNumber: Type.Optional(Identifier({ minLength: 1, maxLength: 40 })),
    services: Type.Optional(Type.Array(LicenceService, { minItems: 1, maxItems: 20 })),
    issuedOn: Type.Optional(CalendarDate('Issue date')),
    expiresOn: Type.Optional(CalendarDate('Expiry')),
    notes: Type.Optional(Text({ maxLength: 2000, multiline: true })),
  },
  { additionalProperties: false, title: 'LicencePatch' },
);
export type LicencePatch = Static<typeof LicencePatch>;

export const LicenceListQuery = Type.Object({
  q: Type.Optional(Identifier({ maxLength: 40, description: 'The licence number or its beginning, e.g. 京B2-2026' })),
  clientId: Type.Optional(Type.String({ format: 'uuid', description: 'Only this client company’s licences' })),
  status: Type.Optional(LicenceStatus),
  ...PageQuery,
});
export type LicenceListQuery = Static<typeof LicenceListQuery>;

const registrationFields = ['name', 'address', 'legal-representative', 'registered-capital', 'shareholders'] as const;

export const LicenceEventRequest = Type.Object(
  {
    kind: Type.Union(licenceEventKinds.map((k) => Type.Literal(k)), {
      description: 'service-opened (serviceCode); registration-change (field); licence-change; annual-report-filed (year); numbers-obtained / numbers-returned (numbers); number-report-filed (year); renewed (expiresOn); cancelled',
    }),
    date: CalendarDate('When it happened (not after today)'),
    serviceCode: Type.Optional(Text({ minLength: 1, maxLength: 20, description: 'service-opened: which of the licence’s services' })),
    field: Type.Optional(Type.Union(registrationFields.map((f) => Type.Literal(f)), { description: 'registration-change: what changed at the business registry (工商变更)' })),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2150, description: 'annual-report-filed / number-report-filed: the year of filing (2026 for the report due 2026-03-31)' })),
    numbers: Type.Optional(Type.Array(Identifier({ minLength: 1, maxLength: 12 }), { minItems: 1, maxItems: 20, description: 'numbers-obtained / numbers-returned: 95/96 access numbers' })),
    expiresOn: Type.Optional(CalendarDate('renewed: the new expiry')),
    note: Type.Optional(Text({ maxLength: 1000, multiline: true })),
  },
  { additionalProperties: false, title: 'LicenceEventRequest' },
);
export type LicenceEventRequest = Static<typeof LicenceEventRequest>;

export const LicenceEvent = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    date: Type.String(),
    details: Type.Object(
      {
        serviceCode: Type.Optional(Type.String()),
        field: Type.Optional(Type.String()),
        year: Type.Optional(Type.Integer()),
        numbers: Type.Optional(Type.Array(Type.String())),
        expiresOn: Type.Optional(Type.String()),
        previousExpiresOn: Type.Optional(Type.String({ description: 'renewed: the expiry before, restored if the event is removed' })),
      },
      { additionalProperties: false },
    ),
    note: Type.String(),
    createdBy: Nullable(Type.String()),
    createdByName: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'LicenceEvent', title: 'LicenceEvent' },
);
export type LicenceEvent = Static<typeof LicenceEvent>;

export const LicenceEventParams = Type.Object({ id: Type.String({ format: 'uuid' }), eventId: Type.String({ format: 'uuid' }) });
