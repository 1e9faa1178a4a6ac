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
