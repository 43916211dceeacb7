import { withSchemaRiskSpelling } from './risk-spelling.js';

describe(withSchemaRiskSpelling.name, () => {
  it("renames the release spelling ContractPresentIndicator to the schema's, keeping the other Risk fields", () => {
    const body = { Data: {}, Risk: { PaymentContextCode: 'EcommerceGoods', ContractPresentIndicator: true } };
    expect(withSchemaRiskSpelling(body)).toEqual({
      Data: {},
      Risk: { PaymentContextCode: 'EcommerceGoods', ContractPresentInidicator: true },
    });
  });

  it('never changes the body itself, which is the receipt', () => {
    const body = { Data: {}, Risk: { ContractPresentIndicator: false } };
    withSchemaRiskSpelling(body);
    expect(body).toEqual({ Data: {}, Risk: { ContractPresentIndicator: false } });
  });

  it.each([
    ["the schema's spelling already", { Risk: { ContractPresentInidicator: true } }],
    [
      'both spellings (the schema then refuses the unknown one)',
      { Risk: { ContractPresentIndicator: true, ContractPresentInidicator: true } },
    ],
    ['no indicator', { Risk: { PaymentContextCode: 'BillPayment' } }],
    ['a Risk that is not an object', { Risk: [] }],
    ['no Risk (funds-confirmation and file-payment consents)', { Data: {} }],
  ])('returns a body with %s as it is', (_case, body) => {
    expect(withSchemaRiskSpelling(body)).toBe(body);
  });
});
