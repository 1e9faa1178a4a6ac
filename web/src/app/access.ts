import type { Role } from './auth/auth-context';

const everyone: readonly Role[] = ['owner', 'admin', 'staff', 'client'];
const agencyStaff: readonly Role[] = ['owner', 'admin', 'staff'];
const administrators: readonly Role[] = ['owner', 'admin'];

/**
 * What each role may see or do in the UI. Mirrors the server's permission table
 * (src/modules/access/permissions.ts); the server stays the authority.
 */
export const accessRoles = {
  signedIn: everyone,
  listClients: agencyStaff,
  createClients: agencyStaff,
  editClients: everyone,
  archiveClients: agencyStaff,
  /** 申请: client users see their own company's applications, without fees (server: applications:read). */
  readApplications: everyone,
  createApplications: agencyStaff,
  /** Edit, assign, review materials and move an application through its steps (server: applications:write). */
  writeApplications: agencyStaff,
  /** Upload checklist files; client users for their own company's applications (server: applications:upload). */
  uploadApplicationFiles: everyone,
  /** The submission package (ZIP of every item's latest version); not for client users (server: applications:package). */
  downloadApplicationPackage: agencyStaff,
  /** 许可证: the registry; client users read their own company's licences (server: licences:read / licences:write). */
  writeLicences: agencyStaff,
  /** 合规事项: client users read their own company's; staff complete, reopen and assign (server: obligations:write). */
  writeObligations: agencyStaff,
  viewAudit: administrators,
  manageSettings: administrators,
  /** Open 设置 at all: staff see the tabs they may read (提醒), administrators every tab. */
  openSettings: agencyStaff,
  /** Read the reminder lead times and channels (server: rules:read); changing them needs manageSettings. */
  readReminderSettings: agencyStaff,
  /** Subscribe a calendar to the whole organisation's obligations (server: portfolio:read). */
  subscribeOrganisationCalendar: agencyStaff,
  manageUsers: administrators,
  /** See the official holiday arrangements in settings: who loaded each year, when, from which notice. */
  manageCalendar: administrators,
  /** Change the organisation's rule overrides (server: settings:manage). */
  manageRules: administrators,
  /** Import clients and licences from a spreadsheet, and download the templates (server: imports:run). */
  runImports: agencyStaff,
  /** Download a list as XLSX or CSV: whoever reads the list (server: each list's read permission). */
  exportLists: everyone,
  /** Download the whole organisation as one ZIP archive (server: settings:manage). */
  exportArchive: administrators,
  createOwners: ['owner'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * What instance operators may do, whatever their role (server: instance:operate). The official calendar and the
 * organisations are shared by the whole instance, so no organisation role grants these.
 */
export const operatorFlags = {
  /** 平台管理: organisations of the instance. */
  operateInstance: true,
  /** Load and remove official holiday arrangements. */
  loadCalendar: true,
} as const;

export type AccessFlag = keyof typeof accessRoles | keyof typeof operatorFlags;

/** Who is asking: a role alone, or the signed-in user (role and operator flag). */
export type AccessSubject = Role | { role: Role; isOperator: boolean };

export function can(who: AccessSubject, flag: AccessFlag): boolean {
  const subject = typeof who === 'string' ? { role: who, isOperator: false } : who;
  if (flag in operatorFlags) return subject.isOperator;
  return (accessRoles[flag as keyof typeof accessRoles] as readonly Role[]).includes(subject.role);
}
