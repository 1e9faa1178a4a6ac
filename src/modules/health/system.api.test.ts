import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';

describe.each(testDialects())('system routes on $name', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t?.close());

  it('GET /api/health reports status, database and version, and echoes a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(res.json()).toEqual({ status: 'ok', database: { dialect: dialect.name, status: 'ok' }, version: 'test' });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('sends security headers on the web app and the API: a same-origin content policy, no framing, no sniffing', async () => {
    for (const url of ['/', '/clients/123', '/api/health', '/api/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('serves an OpenAPI 3.1 document in which every API route declares its responses and inputs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ path, m, op })));
    expect(ops.length).toBeGreaterThan(15);
    for (const { path, m, op } of ops) {
      expect(op.responses, `${m} ${path}`).toBeTruthy();
      expect(Object.keys(op.responses).some((c) => c.startsWith('2')), `${m} ${path} has a success response`).toBe(true);
      if (path.includes('{id}')) expect(op.parameters.some((p: { in: string; name: string }) => p.in === 'path' && p.name === 'id'), `${m} ${path}`).toBe(true);
      if (['post', 'patch', 'put'].includes(m) && op.requestBody) expect(op.requestBody.content['application/json']?.schema ?? op.requestBody.content['multipart/form-data']?.schema, `${m} ${path}`).toBeTruthy();
    }
    // Uploads and files: the multipart body with its file field, and the bytes each file route answers with.
    const materials = doc.paths['/api/applications/{id}/materials/{key}'];
    expect(materials.put.requestBody.content['multipart/form-data'].schema).toMatchObject({ required: ['file'], properties: { file: { type: 'string', format: 'binary' } } });
    expect(materials.put.requestBody.content['multipart/form-data'].schema).not.toHaveProperty(['x-streamed-body']);
    const binary = { schema: { type: 'string', format: 'binary' } };
    expect(doc.paths['/api/applications/{id}/package'].get.responses['200'].content['application/zip']).toEqual(binary);
    expect(Object.keys(doc.paths['/api/applications/{id}/materials/{key}/file'].get.responses['200'].content)).toEqual(expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png']));
    expect(doc.paths['/api/applications/{id}/documents/{key}'].post.responses['200'].content['application/vnd.openxmlformats-officedocument.wordprocessingml.document']).toEqual(binary);
    for (const required of ['/api/auth/login', '/api/auth/logout', '/api/me', '/api/clients', '/api/clients/{id}', '/api/audit', '/api/health', '/api/users']) expect(doc.paths).toHaveProperty([required]);
  });

  it('serves interactive docs at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });

  it('unknown API paths answer a JSON 404; other paths get the web app', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const page = await t.app.inject({ method: 'GET', url: '/clients/123' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('serves hashed web files precompressed and cached for a year, index.html never cached, and compresses API answers', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    const script = 'console.log("LicenseDesk");\n'.repeat(200);
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app-abc123.js"></script>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), script);
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(script));
    const app = await buildApp(t.ctx, { webDist: dist });
    try {
      const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.brotliDecompressSync(asset.rawPayload).toString()).toBe(script);
      for (const url of ['/', '/clients/123']) expect((await app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-cache');
      const plain = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);

      const api = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
      expect(api.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(zlib.gunzipSync(api.rawPayload).toString()).openapi).toBe('3.1.0');
    } finally {
      await app.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('a 5xx hides internals', async () => {
    const app = await buildApp(t.ctx);
    app.get('/api/__boom', { config: { access: 'public' } }, async () => {
      throw new Error('secret table xyz exploded');
    });
    const res = await app.inject({ method: 'GET', url: '/api/__boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('xyz');
    expect(res.json().error.code).toBe('INTERNAL');
  });
});
