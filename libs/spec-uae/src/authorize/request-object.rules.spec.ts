import { UaeOfficialSchemas } from '../schemas/uae-official-schemas.js';
import { requestObjectProblem } from './request-object.rules.js';

const declared = new UaeOfficialSchemas().requestObjectClaims;

const claims = {
  iss: 'tpp',
  aud: 'https://lfi.example/auth',
  client_id: 'tpp',
  redirect_uri: 'https://tpp.example/cb',
  scope: 'openid accounts',
  nonce: 'n',
  state: 's',
  nbf: 1_800_000_000,
  exp: 1_800_000_300,
  response_type: 'code',
  code_challenge_method: 'S256',
  code_challenge: 'c',
  authorization_details: [],
};

describe('the request-object rules of a UAE PAR', () => {
  it('accepts exactly 300 seconds between nbf and exp, a list of one audience and a max_age of 3600', () => {
    expect(
      requestObjectProblem({ ...claims, aud: ['https://lfi.example/auth'], max_age: 3600 }, declared),
    ).toBeUndefined();
  });

  it('reads the claims the official PAR request schema declares', () => {
    expect([...declared].sort()).toEqual(
      [
        'aud',
        'authorization_details',
        'client_id',
        'code_challenge',
        'code_challenge_method',
        'exp',
        'iss',
        'login_hint',
        'max_age',
        'nbf',
        'nonce',
        'redirect_uri',
        'response_type',
        'scope',
        'state',
      ].sort(),
    );
  });

  it('accepts the documented iat and jti, a login_hint, and a null max_age or undocumented claim (read as omitted)', () => {
    expect(
      requestObjectProblem(
        { ...claims, iat: 1_800_000_000, jti: 'j', login_hint: 'x', max_age: null, claims: null },
        declared,
      ),
    ).toBeUndefined();
  });

  it('refuses undocumented claims, naming the first in alphabetical order whatever their order', () => {
    const expected =
      'The request object carries the undocumented claim acr_values: only the claims of the PAR request schema, iat and jti are allowed';
    expect(requestObjectProblem({ ...claims, claims: { id_token: {} }, acr_values: 'urn:x' }, declared)).toBe(expected);
    expect(requestObjectProblem({ acr_values: 'urn:x', ...claims, claims: { id_token: {} } }, declared)).toBe(expected);
  });

  it.each([
    [
      'an empty audience list',
      { aud: [] },
      'The aud claim must be one audience: the issuer of the authorisation server',
    ],
    [
      'two audiences',
      { aud: ['https://lfi.example/auth', 'https://other.example'] },
      'The aud claim must be one audience: the issuer of the authorisation server',
    ],
    ['a null state', { state: null }, 'The request object has no state claim'],
    ['a numeric scope', { scope: 1 }, 'The scope claim must be a non-empty string'],
    ['a negative max_age', { max_age: -1 }, 'The max_age claim must be a number of seconds up to 3600'],
    ['a fractional nbf', { nbf: 1.5 }, 'The nbf and exp claims must be times in seconds'],
  ])('refuses %s', (_label, change, problem) => {
    expect(requestObjectProblem({ ...claims, ...change }, declared)).toBe(problem);
  });
});
