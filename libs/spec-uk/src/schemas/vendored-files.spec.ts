import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICIAL_FILES, officialFilePath } from './uk-official-schemas.js';

/* The vendored official files must stay identical to the shared originals: they are data, never edited. */
const sharedDir = process.env['SHARED_DIR'] ?? join(process.cwd(), '..', 'shared');

describe('the vendored UK Open Banking v3.1.11 files', () => {
  it.each(Object.entries(OFFICIAL_FILES))('%s is byte-identical to its original', (_file, name) => {
    const vendored = readFileSync(officialFilePath(_file as keyof typeof OFFICIAL_FILES));
    const original = readFileSync(join(sharedDir, 'specs', 'uk-obie', 'v3.1.11', name));
    expect(vendored.equals(original)).toBe(true);
  });
});
