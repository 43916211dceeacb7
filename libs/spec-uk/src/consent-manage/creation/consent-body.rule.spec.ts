import { consentBody } from './consent-body.rule.js';

describe(consentBody.name, () => {
  it('takes a JSON object as the consent body, the same object', () => {
    const body = { Data: {}, Risk: {} };
    expect(consentBody(body)).toEqual({ body });
    expect((consentBody(body) as { body: unknown }).body).toBe(body);
  });

  it.each([
    ['no body (not JSON, omitted by the identity server)', undefined],
    ['null', null],
    ['an array', [{ Data: {} }]],
    ['a string', '{"Data":{}}'],
    ['a number', 42],
  ])('refuses %s: 400 Resource.InvalidFormat without a path', (_case, data) => {
    expect(consentBody(data)).toEqual({
      rejection: {
        status: 400,
        code: 'UK.OBIE.Resource.InvalidFormat',
        message: 'The request body must be a JSON object',
      },
    });
  });
});
