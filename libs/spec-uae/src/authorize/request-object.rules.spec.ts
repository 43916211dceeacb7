import { requestObjectProblem } from './request-object.rules.js';

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
  it('accepts exactly 300 seconds between nbf and exp, a list audience and a max_age of 3600', () => {
    expect(requestObjectProblem({ ...claims, aud: ['https://lfi.example/auth'], max_age: 3600 })).toBeUndefined();
  });

  it.each([
    ['an empty audience list', { aud: [] }, 'The aud claim must be the issuer of the authorisation server'],
    ['a null state', { state: null }, 'The request object has no state claim'],
    ['a numeric scope', { scope: 1 }, 'The scope claim must be a non-empty string'],
    ['a negative max_age', { max_age: -1 }, 'The max_age claim must be a number of seconds up to 3600'],
    ['a fractional nbf', { nbf: 1.5 }, 'The nbf and exp claims must be times in seconds'],
  ])('refuses %s', (_label, change, problem) => {
    expect(requestObjectProblem({ ...claims, ...change })).toBe(problem);
  });
});
