import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFICIAL_ERROR_CODES_FILE, OFFICIAL_SCHEMA_FILE } from './berlin-schemas.js';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const sharedDir = process.env['SHARED_DIR'] ?? join(repositoryRoot, '../shared');

describe('the vendored Berlin Group OpenAPI files', () => {
  it.each([
    [OFFICIAL_SCHEMA_FILE, 'psd2-api_v1.3.12-2022-07-06.yaml'],
    [OFFICIAL_ERROR_CODES_FILE, 'psd2-api_1.3.8_2020-11-06v1.yaml'],
  ])('%s is byte-identical to shared/specs/berlin-group/%s', (vendored, original) => {
    const copy = readFileSync(fileURLToPath(vendored));
    expect(copy.equals(readFileSync(join(sharedDir, 'specs/berlin-group', original)))).toBe(true);
  });
});
