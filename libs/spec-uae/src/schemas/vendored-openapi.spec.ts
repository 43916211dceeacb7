import { UaeOfficialSchemas } from './uae-official-schemas.js';

/* The vendored files' bytes are checked against their provenance records in test/contract/vendored-assets.spec.ts. */
describe('the vendored UAE OpenAPI files', () => {
  it('compiles every schema the module uses', () => {
    const schemas = new UaeOfficialSchemas();
    expect(schemas.paymentRequest({})).toMatchObject({ kind: 'missing', path: 'Data' });
    expect(schemas.domesticPaymentPii({ Initiation: {} })).toBeUndefined();
  });
});
