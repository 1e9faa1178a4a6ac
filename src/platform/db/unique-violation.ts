import { AppError, type Bilingual, type ErrorCode } from '../errors/app-error.ts';

/** A unique constraint the database refused: its table and columns, as stored (snake_case). */
export interface UniqueViolation {
  table: string | null;
  columns: string[];
}

/** Reads a unique-constraint violation from a SQLite (SQLITE_CONSTRAINT_UNIQUE) or PostgreSQL (23505) error. */
export function readUniqueViolation(error: unknown): UniqueViolation | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { code?: unknown; message?: unknown; table?: unknown; detail?: unknown };
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: users.org_id, users.email"
    const listed = /constraint failed: (.+)$/.exec(String(e.message ?? ''))?.[1] ?? '';
    const qualified = listed.split(',').map((c) => c.trim()).filter(Boolean);
    return { table: qualified[0]?.split('.')[0] ?? null, columns: qualified.map((c) => c.split('.').pop()!) };
  }
  if (e.code === '23505') {
    // detail: 'Key (org_id, email)=(…, …) already exists.'
    const listed = /^Key \((.+?)\)=/.exec(String(e.detail ?? ''))?.[1] ?? '';
    return { table: typeof e.table === 'string' ? e.table : null, columns: listed.split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean) };
  }
  return null;
}

interface KnownDuplicate {
  code: ErrorCode;
  message: Bilingual;
}

// Constraints users meet in normal work get their own code and words; any other still answers 409 naming the field.
const knownDuplicates: Record<string, KnownDuplicate> = {
  'users.email': { code: 'USER_DUPLICATE_EMAIL', message: { zh: '该邮箱已在本组织注册', en: 'This email is already registered in this organisation' } },
  'clients.uscc': { code: 'CLIENT_DUPLICATE_USCC', message: { zh: '已有客户使用该信用代码', en: 'Another client already has this credit code' } },
  'licences.number': { code: 'LICENCE_DUPLICATE', message: { zh: '本机构已登记该许可证编号', en: 'This organisation already holds a licence with this number' } },
};

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The one mapping of a unique-constraint violation to a 409 naming the field (the organisation column of a per-tenant
 * constraint is not the user's field). Null for any other error.
 */
export function toDuplicateError(error: unknown): AppError | null {
  const violation = readUniqueViolation(error);
  if (!violation) return null;
  const column = violation.columns.filter((c) => c !== 'org_id').pop() ?? violation.columns.pop() ?? 'id';
  const field = camelCase(column);
  const known = knownDuplicates[`${violation.table}.${column}`];
  const message = known?.message ?? { zh: `字段 ${field} 的值已被使用`, en: `Field ${field}: this value is already in use` };
  return new AppError(known?.code ?? 'CONFLICT', message, [{ field, code: known?.code ?? 'DUPLICATE', message: known?.message ?? { zh: '已被使用', en: 'already in use' } }]);
}
