import { creationEndpoint } from './creation-endpoint.rule.js';

describe(creationEndpoint.name, () => {
  it.each([
    ['account-access-consents', 'accounts'],
    ['domestic-payment-consents', 'domestic-payments'],
    ['/domestic-vrp-consents', 'domestic-vrps'],
    ['funds-confirmation-consents?x=1', 'fundsconfirmations'],
  ])('creates at %s a consent of type %s', (path, type) => {
    const endpoint = creationEndpoint(path);
    expect('kind' in endpoint && endpoint.kind.type).toBe(type);
  });

  it.each([
    ['an endpoint the UK module does not serve (v1 payments)', 'payment-submissions'],
    ['a consent of an endpoint', 'account-access-consents/acc-1'],
    ['a sub-resource of a consent', 'domestic-payment-consents/pay-1/funds-confirmation'],
    ['an empty path', ''],
  ])('refuses %s: 404 Resource.NotFound', (_case, path) => {
    expect(creationEndpoint(path)).toEqual({
      rejection: {
        status: 404,
        code: 'UK.OBIE.Resource.NotFound',
        message: `No UK consent endpoint accepts a POST to "${path}"`,
      },
    });
  });

  it('refuses a request without a path, naming it as empty', () => {
    expect(creationEndpoint(undefined)).toEqual({
      rejection: {
        status: 404,
        code: 'UK.OBIE.Resource.NotFound',
        message: 'No UK consent endpoint accepts a POST to ""',
      },
    });
  });
});
