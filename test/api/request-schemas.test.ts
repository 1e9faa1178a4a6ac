import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/test-databases.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bodylessWriteRoutes, idRoutes, uploadRoutes, writeRoutes } from './routes-table.ts';
import { seedOrg, type SeededOrg } from '../support/test-app.ts';

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  op: Schema;
}

/** Every string a request may carry, with where it sits, following $refs and combinators. */
function requestStrings(schema: Schema | undefined, components: Record<string, Schema>, at: string, seen = new Set<string>()): Array<{ at: string; schema: Schema }> {
  if (!schema) return [];
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    if (seen.has(name)) return [];
    return requestStrings(components[name], components, at, new Set([...seen, name]));
  }
  const found: Array<{ at: string; schema: Schema }> = [];
  if (schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'))) found.push({ at, schema });
  for (const [key, value] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) found.push(...requestStrings(value, components, `${at}.${key}`, seen));
  if (schema.items) found.push(...requestStrings(schema.items, components, `${at}[]`, seen));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const part of (schema[key] ?? []) as Schema[]) found.push(...requestStrings(part, components, at, seen));
  return found;
}

/** A string is safe to store when it goes through the shared Text schema, or is shaped by a format, a pattern or a fixed list. */
const isGuarded = (s: Schema) => Boolean(s['x-text'] || s.format || s.pattern || s.enum || s.const !== undefined);

// Routes that take free-form JSON on purpose; each checks what it reads in its own code.
const freeFormBodies = new Set(['post /api/calendar/years holidayCn']);

describe.each(testDialects().slice(0, 1))('request schemas ($name)', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  let components: Record<string, Schema>;
  let org: SeededOrg;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Schemas');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    components = doc.components?.schemas ?? {};
    ops = Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method, path, op })));
  });
  afterAll(() => t?.close());

  it('every string a request carries uses the shared Text schema, or a format, pattern or fixed list', () => {
    const unguarded: string[] = [];
    for (const { method, path, op } of ops) {
      const body = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      const strings = [...requestStrings(body, components, 'body'), ...((op.parameters ?? []) as Schema[]).flatMap((p) => requestStrings(p.schema, components, `${p.in}.${p.name}`))];
      for (const { at, schema } of strings) {
        if (!isGuarded(schema)) unguarded.push(`${method} ${path} ${at}`);
      }
    }
    expect(unguarded.filter((u) => ![...freeFormBodies].some((f) => u.startsWith(f.replace(/ (\S+)$/, ' body.$1'))))).toEqual([]);
  });

  it('every write route and every route with an id sits in the tenant-isolation and bad-input tables', () => {
    // Concrete URLs the tables call, turned back into the OpenAPI path templates they exercise.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const template = (url: string) => url.replace(uuid, '{id}').replace(/\/years\/\d{4}$/, '/years/{year}').replace(/\/(materials|documents)\/[a-z0-9-]+(?=\/|$)/, '/$1/{key}').replace(/\/events\/\{id\}$/, '/events/{eventId}').replace(/\?.*$/, '');
    const ids = { userId: org.userIds.staff, tokenId: '7d0c1a2e-1111-4222-8333-944455556666' };
    const inIdTable = new Set(idRoutes.map((r) => `${r.method.toLowerCase()} ${template(r.url(org, ids))}`));
    const inBadInput = new Set([...writeRoutes, ...bodylessWriteRoutes, ...uploadRoutes].map((r) => `${r.method.toLowerCase()} ${template(r.url(org))}`));
    const missing: string[] = [];
    for (const { method, path } of ops) {
      const key = `${method} ${path}`;
      if (path.includes('{id}') && !inIdTable.has(key)) missing.push(`tenant-isolation: ${key}`);
      if (['post', 'put', 'patch', 'delete'].includes(method) && !inBadInput.has(key)) missing.push(`bad-input: ${key}`);
    }
    expect(missing).toEqual([]);
  });
});
