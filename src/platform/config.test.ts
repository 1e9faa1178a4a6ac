import { describe, expect, it } from 'vitest';
import { defaultDbPoolSize, loadConfig } from './config.ts';

describe('LICENSEDESK_DB_POOL_SIZE', () => {
  it('defaults to twice the cores, at least 4 and at most 20', () => {
    expect(defaultDbPoolSize(1)).toBe(4);
    expect(defaultDbPoolSize(2)).toBe(4);
    expect(defaultDbPoolSize(4)).toBe(8);
    expect(defaultDbPoolSize(64)).toBe(20);
    expect(loadConfig({}).dbPoolSize).toBe(defaultDbPoolSize());
  });

  it('takes a whole number from 1 to 100, and stops on anything else with the reason', () => {
    expect(loadConfig({ LICENSEDESK_DB_POOL_SIZE: '12' }).dbPoolSize).toBe(12);
    for (const bad of ['0', '101', 'ten', '4.5', '']) {
      expect(() => loadConfig({ LICENSEDESK_DB_POOL_SIZE: bad }), bad).toThrow(/LICENSEDESK_DB_POOL_SIZE must be/);
    }
  });
});

describe('uploads', () => {
  it('accept 20 MB files on disk by default; LICENSEDESK_UPLOAD_MAX_MB and LICENSEDESK_BLOB_STORE change that', () => {
    expect(loadConfig({})).toMatchObject({ uploadMaxBytes: 20 * 1024 * 1024, blobStore: 'fs' });
    expect(loadConfig({ LICENSEDESK_UPLOAD_MAX_MB: '50', LICENSEDESK_BLOB_STORE: 'database' })).toMatchObject({ uploadMaxBytes: 50 * 1024 * 1024, blobStore: 'database' });
    for (const bad of ['0', '2048', 'big']) expect(() => loadConfig({ LICENSEDESK_UPLOAD_MAX_MB: bad }), bad).toThrow(/LICENSEDESK_UPLOAD_MAX_MB must be/);
    expect(() => loadConfig({ LICENSEDESK_BLOB_STORE: 's3' })).toThrow(/LICENSEDESK_BLOB_STORE must be fs or database/);
  });
});
