import { authorisationRejection, singleAuthorisationMismatch } from './authorisation.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const body = (authorisation: Record<string, string> | undefined) => ({ Data: { Initiation: {}, ...(authorisation === undefined ? {} : { Authorisation: authorisation }) }, Risk: {} });

describe(authorisationRejection.name, () => {
  it('accepts no Authorisation, and a CompletionDateTime ahead', () => {
    expect(authorisationRejection(body(undefined), NOW)).toBeUndefined();
    expect(authorisationRejection(body({ AuthorisationType: 'Any', CompletionDateTime: '2030-01-11T00:00:00+00:00' }), NOW)).toBeUndefined();
  });

  it('refuses a CompletionDateTime already past: 400 Field.InvalidDate', () => {
    expect(authorisationRejection(body({ AuthorisationType: 'Any', CompletionDateTime: '2030-01-10T09:00:00+00:00' }), NOW)).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      path: 'Data.Authorisation.CompletionDateTime',
    });
  });
});

describe(singleAuthorisationMismatch.name, () => {
  it('refuses Single for an account that needs several authorisers: 400 Field.Invalid', () => {
    expect(singleAuthorisationMismatch(1)).toBeUndefined();
    expect(singleAuthorisationMismatch(2)).toMatchObject({ status: 400, code: 'UK.OBIE.Field.Invalid', path: 'Data.Authorisation.AuthorisationType' });
  });
});
