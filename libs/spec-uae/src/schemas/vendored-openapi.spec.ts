import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UaeOfficialSchemas, VENDORED_OPENAPI_FILES, vendoredOpenApiPath } from './uae-official-schemas.js';

const sharedDir = process.env['SHARED_DIR'] ?? join(process.cwd(), '..', 'shared');

describe('the vendored UAE OpenAPI files', () => {
  it.each(VENDORED_OPENAPI_FILES)('%s is byte-identical to the official file in shared/specs/uae', (file) => {
    expect(readFileSync(vendoredOpenApiPath(file)).equals(readFileSync(join(sharedDir, 'specs', 'uae', file)))).toBe(true);
  });

  it('compiles every schema the module uses', () => {
    const schemas = new UaeOfficialSchemas();
    expect(schemas.paymentRequest({})).toMatchObject({ kind: 'missing', path: 'Data' });
    expect(schemas.domesticPaymentPii({ Initiation: {} })).toBeUndefined();
  });
});
