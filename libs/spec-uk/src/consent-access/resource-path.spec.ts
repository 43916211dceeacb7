import { normalisedTemplate, pathParameters } from './resource-path.js';

describe('API resource paths', () => {
  it('reads template parameters at the end of the called path, after the API context', () => {
    expect(
      pathParameters(
        '/accounts/{AccountId}/statements/{StatementId}',
        '/open-banking/v3.1/aisp/accounts/A%201/statements/S-2?x=1',
      ),
    ).toEqual({
      AccountId: 'A 1',
      StatementId: 'S-2',
    });
    expect(pathParameters('/accounts/{AccountId}', '/open-banking/v3.1/aisp/accounts/1/balances')).toBeUndefined();
    expect(pathParameters('/accounts/{AccountId}', undefined)).toBeUndefined();
    expect(pathParameters('/accounts/{AccountId}', '/accounts/%E0%A4%A')).toEqual({ AccountId: '%E0%A4%A' });
  });

  it('treats regular-expression characters in templates literally', () => {
    expect(pathParameters('/a.b/{Id}', '/a.b/1')).toEqual({ Id: '1' });
    expect(pathParameters('/a.b/{Id}', '/axb/1')).toBeUndefined();
  });

  it('normalises trailing slashes and queries of a template', () => {
    expect(normalisedTemplate('/accounts/')).toBe('/accounts');
    expect(normalisedTemplate('/accounts?x')).toBe('/accounts');
    expect(normalisedTemplate('/')).toBe('/');
    expect(normalisedTemplate(undefined)).toBe('');
  });
});
