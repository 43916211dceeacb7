import type { JsonObject, StoredConsentResource } from '@app/contract';
import { UK_CONSENT_KINDS } from '../shared/uk-consent-kind.js';
import { UkErrorCode, ukRejection } from '../shared/uk-error.js';
import type { AccessRequest } from './access-request.js';
import { paymentOrderMatchingConsent } from './payment-order-matching-consent.js';

const INITIATION = { InstructionIdentification: 'ACME412', InstructedAmount: { Amount: '10.00', Currency: 'GBP' } };
const RISK = { PaymentContextCode: 'EcommerceGoods' };

function consent(mappingStatus = 'active'): StoredConsentResource {
  return {
    id: 'pay-1',
    type: 'domestic-payments',
    status: 'Authorised',
    receipt: { Data: { Initiation: INITIATION }, Risk: RISK },
    authorizations: [{ status: 'Authorised', resources: [{ accountId: 'acc-1', status: mappingStatus }] }],
  };
}

function request(
  body: unknown,
  headers: Record<string, string> = { 'x-idempotency-key': 'order-1' },
  stored: StoredConsentResource = consent(),
): AccessRequest {
  return {
    consentId: 'pay-1',
    consent: stored,
    kind: UK_CONSENT_KINDS.find((kind) => kind.path === 'domestic-payment-consents')!,
    payload: { headers, body, resourceParams: { httpMethod: 'POST' } },
    template: '/domestic-payments',
    nowMillis: Date.parse('2030-01-10T09:00:00Z'),
    requestId: 'req-1',
  };
}

const order = (data: JsonObject = {}): JsonObject => ({
  Data: { ConsentId: 'pay-1', Initiation: structuredClone(INITIATION), ...data },
  Risk: structuredClone(RISK),
});

describe(paymentOrderMatchingConsent.name, () => {
  it("gives the submission's Data and idempotency key of an order its consent allows", () => {
    expect(paymentOrderMatchingConsent(request(order()))).toEqual({
      data: { ConsentId: 'pay-1', Initiation: INITIATION },
      idempotencyKey: 'order-1',
    });
  });

  it.each([
    ['no Data', { Risk: RISK }, 400, UkErrorCode.FieldMissing, 'Data'],
    ['another consent', order({ ConsentId: 'pay-2' }), 400, UkErrorCode.ResourceConsentMismatch, 'Data.ConsentId'],
    [
      'an altered Initiation',
      order({ Initiation: { ...INITIATION, InstructionIdentification: 'OTHER' } }),
      400,
      UkErrorCode.ResourceConsentMismatch,
      'Data.Initiation',
    ],
    [
      'an altered Risk',
      { ...order(), Risk: { PaymentContextCode: 'BillPayment' } },
      400,
      UkErrorCode.ResourceConsentMismatch,
      'Risk',
    ],
  ])('refuses an order with %s', (_case, body, status, code, path) => {
    expect(paymentOrderMatchingConsent(request(body))).toEqual({
      rejection: expect.objectContaining({ status, code, path }),
    });
  });

  it("runs the family's rules on the Data after Initiation and Risk, before the account mapping", () => {
    const familyProblem = ukRejection(
      400,
      UkErrorCode.RulesFailsControlParameters,
      'over the limit',
      'Data.Instruction',
    );
    const seen: JsonObject[] = [];
    const rules = (data: JsonObject) => {
      seen.push(data);
      return familyProblem;
    };
    expect(paymentOrderMatchingConsent(request(order(), {}, consent('inactive')), rules)).toEqual({
      rejection: familyProblem,
    });
    expect(seen).toEqual([{ ConsentId: 'pay-1', Initiation: INITIATION }]);
    expect(paymentOrderMatchingConsent(request({ ...order(), Risk: {} }), rules)).toMatchObject({
      rejection: { path: 'Risk' },
    });
    expect(seen).toHaveLength(1);
  });

  it('refuses an order once no account is mapped to the consent: 403 Resource.ConsentMismatch, before the idempotency key', () => {
    expect(paymentOrderMatchingConsent(request(order(), {}, consent('inactive')))).toEqual({
      rejection: {
        status: 403,
        code: UkErrorCode.ResourceConsentMismatch,
        message: 'No debtor account is mapped to this consent any more',
      },
    });
  });

  it.each([
    ['missing', {}, UkErrorCode.HeaderMissing],
    ['with a leading space', { 'x-idempotency-key': ' order-1' }, UkErrorCode.HeaderInvalid],
  ])('refuses an order whose x-idempotency-key is %s', (_case, headers, code) => {
    expect(paymentOrderMatchingConsent(request(order(), headers))).toEqual({
      rejection: expect.objectContaining({ status: 400, code, path: 'x-idempotency-key' }),
    });
  });
});
