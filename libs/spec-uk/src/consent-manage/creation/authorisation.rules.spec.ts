import type { JsonObject } from '@app/contract';
import {
  authorisationRejection,
  singleAuthorisationDebtor,
  singleAuthorisationMismatch,
} from './authorisation.rules.js';

const NOW = Date.parse('2030-01-10T09:00:00Z');
const body = (authorisation: Record<string, string> | undefined) => ({
  Data: { Initiation: {}, ...(authorisation === undefined ? {} : { Authorisation: authorisation }) },
  Risk: {},
});

describe(authorisationRejection.name, () => {
  it('accepts no Authorisation, and a CompletionDateTime ahead', () => {
    expect(authorisationRejection(body(undefined), NOW)).toBeUndefined();
    expect(
      authorisationRejection(body({ AuthorisationType: 'Any', CompletionDateTime: '2030-01-11T00:00:00+00:00' }), NOW),
    ).toBeUndefined();
  });

  it('refuses a CompletionDateTime already past: 400 Field.InvalidDate', () => {
    expect(
      authorisationRejection(body({ AuthorisationType: 'Any', CompletionDateTime: '2030-01-10T09:00:00+00:00' }), NOW),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.InvalidDate',
      message: 'Data.Authorisation.CompletionDateTime must be in the future',
      path: 'Data.Authorisation.CompletionDateTime',
    });
  });
});

describe(singleAuthorisationMismatch.name, () => {
  it('refuses Single for an account that needs several authorisers: 400 Field.Invalid', () => {
    expect(singleAuthorisationMismatch(1)).toBeUndefined();
    expect(singleAuthorisationMismatch(2)).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: 'The DebtorAccount needs 2 authorisers: AuthorisationType Single cannot be met',
      path: 'Data.Authorisation.AuthorisationType',
    });
  });
});

describe(singleAuthorisationDebtor.name, () => {
  const withDebtor = (authorisation: Record<string, string> | undefined): JsonObject => {
    const consent = body(authorisation);
    ((consent['Data'] as JsonObject)['Initiation'] as JsonObject)['DebtorAccount'] = {
      SchemeName: 'UK.OBIE.SortCodeAccountNumber',
      Identification: '40400412345678',
    };
    return consent;
  };

  it('names the DebtorAccount of a Single authorisation, whose authorisers the bank must count', () => {
    expect(singleAuthorisationDebtor(withDebtor({ AuthorisationType: 'Single' }))).toBe('40400412345678');
  });

  it.each([
    ['an Any authorisation', withDebtor({ AuthorisationType: 'Any' })],
    ['no Authorisation', withDebtor(undefined)],
    [
      'a Single authorisation without a DebtorAccount (checked after the customer chose one)',
      body({ AuthorisationType: 'Single' }),
    ],
  ])('has no account to look up for %s', (_case, consent) => {
    expect(singleAuthorisationDebtor(consent)).toBeUndefined();
  });
});
