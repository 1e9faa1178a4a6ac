import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesPath, renderApiTypes } from './gen-api-types.ts';

describe('web API types', () => {
  it('match the OpenAPI document the server generates (run `npm run gen:api` after changing a route)', async () => {
    expect(fs.readFileSync(apiTypesPath, 'utf8')).toBe(await renderApiTypes());
  });
});
