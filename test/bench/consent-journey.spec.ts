import { accepted, type SimulatedExchange } from '@app/testing';
import { idempotencyKeyOf, ScenarioPreparationError } from './consent-journey.js';

function accessExchange(headers: Record<string, string>): SimulatedExchange {
  return {
    extension: 'validate-consent-access',
    requestData: { consentId: 'c-1', dataRequestPayload: { headers } },
    reaction: accepted('the call proceeds'),
    httpStatus: 200,
    body: undefined,
    rawText: '',
    requestId: 'r-1',
    contentType: 'application/json',
    request: {
      extension: 'validate-consent-access',
      url: 'http://127.0.0.1/uk/validate-consent-access',
      headers: {},
      body: Buffer.alloc(0),
      requestId: 'r-1',
    },
  };
}

describe('idempotencyKeyOf', () => {
  it('reads the x-idempotency-key the TPP sent with the data request', () => {
    expect(idempotencyKeyOf(accessExchange({ 'x-idempotency-key': 'key-1', Authorization: 'Bearer t' }))).toEqual([
      'key-1',
    ]);
  });

  it('refuses a data request without one', () => {
    expect(() => idempotencyKeyOf(accessExchange({}))).toThrow(ScenarioPreparationError);
  });
});
