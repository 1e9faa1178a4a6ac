import { Type, type Static } from '@sinclair/typebox';
import { Text } from '../../platform/http/text.ts';

export const OrganisationKind = Type.Union([Type.Literal('agency'), Type.Literal('company')], { description: 'agency: 代办机构; company: 持证企业' });

export const OrganisationCreate = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 200, description: '机构名称 Organisation name' }),
    kind: OrganisationKind,
    owner: Type.Object(
      {
        email: Type.String({ format: 'email', maxLength: 254 }),
        name: Text({ minLength: 1, maxLength: 100 }),
        password: Type.Optional(Type.String({ format: 'password', minLength: 8, maxLength: 256, description: 'Taken exactly as typed; omit to generate one, returned once as initialPassword' })),
      },
      { additionalProperties: false, description: 'The first owner of the organisation (no invitation is sent)' },
    ),
  },
  { additionalProperties: false, title: 'OrganisationCreate' },
);
export type OrganisationCreate = Static<typeof OrganisationCreate>;

/** An organisation as operators see it: with how many users and client companies it has. */
export const AdminOrganisation = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    kind: OrganisationKind,
    isDemo: Type.Boolean(),
    isActive: Type.Boolean({ description: 'false: deactivated; its users cannot sign in, nothing is deleted' }),
    createdAt: Type.String(),
    userCount: Type.Integer(),
    clientCount: Type.Integer({ description: 'Client companies not archived' }),
  },
  { $id: 'AdminOrganisation', title: 'AdminOrganisation' },
);
export type AdminOrganisation = Static<typeof AdminOrganisation>;
