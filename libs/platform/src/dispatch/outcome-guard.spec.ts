import { ContractViolationError, outcomeToEnvelope } from './outcome-guard.js';

describe(outcomeToEnvelope.name, () => {
  it('builds a SUCCESS envelope without errorCode', () => {
    expect(
      outcomeToEnvelope('issue-refresh-token', 'r1', { status: 'SUCCESS', data: { issueRefreshToken: true } }),
    ).toEqual({
      responseId: 'r1',
      status: 'SUCCESS',
      data: { issueRefreshToken: true },
    });
  });
  it('builds an ERROR envelope with the errorCode', () => {
    expect(
      outcomeToEnvelope('validate-consent-access', 'r2', {
        status: 'ERROR',
        errorCode: 403,
        data: { errorMessage: 'Forbidden', errorDescription: 'x' },
      }),
    ).toEqual({
      responseId: 'r2',
      status: 'ERROR',
      errorCode: 403,
      data: { errorMessage: 'Forbidden', errorDescription: 'x' },
    });
  });
  it('keeps the errorCode of a mapped error on SUCCESS', () => {
    expect(
      outcomeToEnvelope('map-accelerator-error-response', 'r3', { status: 'SUCCESS', errorCode: 404, data: {} }),
    ).toEqual({
      responseId: 'r3',
      status: 'SUCCESS',
      errorCode: 404,
      data: {},
    });
  });
  it.each([
    [
      'an errorCode the identity server cannot relay',
      { status: 'ERROR', errorCode: 418, data: {} },
      'validate-consent-access answered errorCode 418, which the identity server cannot relay',
    ],
    [
      'ERROR data that is not an object',
      { status: 'ERROR', errorCode: 400, data: ['x'] },
      'validate-consent-access answered ERROR without an object in data',
    ],
    ['an unknown status', { status: 'RETRY', data: {} }, 'validate-consent-access answered status RETRY'],
  ])('refuses %s', (_label, outcome, message) => {
    expect(() => outcomeToEnvelope('validate-consent-access', 'r', outcome)).toThrow(
      new ContractViolationError(message),
    );
  });
  it('refuses a mapped error without a usable errorCode', () => {
    expect(() => outcomeToEnvelope('map-accelerator-error-response', 'r', { status: 'SUCCESS', data: {} })).toThrow(
      ContractViolationError,
    );
  });
});
