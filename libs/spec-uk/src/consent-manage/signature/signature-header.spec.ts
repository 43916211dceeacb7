import { headerRejection, OB_IAT, OB_ISS, OB_TAN, parseDetachedSignature, REQUIRED_CRIT } from './signature-header.js';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const context = { nowMillis: NOW, trustAnchor: 'openbanking.org.uk' };
const valid = {
  alg: 'PS256',
  kid: 'k1',
  typ: 'JOSE',
  cty: 'application/json',
  [OB_IAT]: NOW / 1000 - 10,
  [OB_ISS]: '0015800001041REAAY/tpp',
  [OB_TAN]: 'openbanking.org.uk',
  crit: [...REQUIRED_CRIT],
};
const encoded = (header: unknown): string => Buffer.from(JSON.stringify(header)).toString('base64url');

describe('x-jws-signature header rules (§A.8)', () => {
  it('accepts the v3.1.4+ header, with or without typ and cty', () => {
    expect(headerRejection(valid, context)).toBeUndefined();
    const minimal: Record<string, unknown> = { ...valid };
    delete minimal['typ'];
    delete minimal['cty'];
    expect(headerRejection(minimal, context)).toBeUndefined();
  });

  it.each(['alg', 'kid', 'crit', OB_IAT, OB_ISS, OB_TAN])(
    'reports a missing %s as Signature.MissingClaim with the claim as Path',
    (claim) => {
      const header: Record<string, unknown> = { ...valid };
      delete header[claim];
      expect(headerRejection(header, context)).toMatchObject({
        status: 400,
        code: 'UK.OBIE.Signature.MissingClaim',
        path: claim,
      });
    },
  );

  it.each<[string, Record<string, unknown>, string]>([
    ['alg other than PS256', { alg: 'RS256' }, 'alg'],
    ['an empty kid', { kid: '' }, 'kid'],
    ['b64 (dropped in v3.1.4)', { b64: false }, 'b64'],
    ['crit with b64', { crit: [...REQUIRED_CRIT, 'b64'] }, 'crit'],
    ['crit missing a claim', { crit: [OB_IAT, OB_ISS] }, 'crit'],
    ['crit not an array', { crit: OB_IAT }, 'crit'],
    ['typ other than JOSE', { typ: 'JWT' }, 'typ'],
    ['cty other than json', { cty: 'text/plain' }, 'cty'],
    ['iat in the future', { [OB_IAT]: NOW / 1000 + 60 }, OB_IAT],
    ['iat as a string', { [OB_IAT]: '1700000000' }, OB_IAT],
    ['an empty iss', { [OB_ISS]: '' }, OB_ISS],
    ['another trust anchor', { [OB_TAN]: 'openbankingtest.org.uk' }, OB_TAN],
  ])('reports %s as Signature.InvalidClaim', (_label, change, claim) => {
    expect(headerRejection({ ...valid, ...change }, context)).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Signature.InvalidClaim',
      path: claim,
    });
  });

  it.each([
    ['a compact JWS with its payload', `${encoded(valid)}.eyJ9.c2ln`],
    ['two parts', `${encoded(valid)}.c2ln`],
    ['a header that is not JSON', 'bm90IGpzb24..c2ln'],
    ['a header that is a JSON array', `${encoded([1])}..c2ln`],
    ['an empty signature', `${encoded(valid)}..`],
    ['a huge value', `${'a'.repeat(20_000)}..c2ln`],
  ])('reports %s as Signature.Malformed', (_label, value) => {
    expect(parseDetachedSignature(value)).toMatchObject({
      status: 400,
      code: 'UK.OBIE.Signature.Malformed',
      path: 'x-jws-signature',
    });
  });

  it('splits a detached JWS into its header and signature', () => {
    expect(parseDetachedSignature(`${encoded(valid)}..c2ln`)).toEqual({
      protectedHeader: encoded(valid),
      signature: 'c2ln',
      header: valid,
    });
  });
});
