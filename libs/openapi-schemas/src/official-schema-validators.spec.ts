import { join } from 'node:path';
import { loadOfficialOpenApiDocument } from './official-openapi-document.js';
import { OfficialSchemaValidators } from './official-schema-validators.js';

/* Exercised on an official file used as data: the UK account-information API (OBReadConsent1), as vendored. */
const document = loadOfficialOpenApiDocument(
  join(process.cwd(), 'libs', 'spec-uk', 'assets', 'openapi', 'account-info-openapi.yaml'),
);

describe(OfficialSchemaValidators.name, () => {
  const validators = new OfficialSchemaValidators(document).precompile(['OBReadConsent1']);
  const check = validators.schema('OBReadConsent1');
  const valid = {
    Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: '2030-01-01T00:00:00+00:00' },
    Risk: {},
  };

  it('reads the version of the official document', () => {
    expect(document.version).toBe('3.1.11');
  });
  it('accepts a value that conforms', () => {
    expect(check(valid)).toBeUndefined();
  });
  it.each([
    [
      'a missing required field',
      { Data: valid.Data },
      { kind: 'missing', path: 'Risk', keyword: 'required', message: 'Risk is missing' },
    ],
    [
      'a field the schema does not allow',
      { ...valid, Extra: 1 },
      { kind: 'unexpected', path: 'Extra', keyword: 'additionalProperties', message: 'Extra is not allowed here' },
    ],
    [
      'a value outside an enum',
      { ...valid, Data: { Permissions: ['ReadFoo'] } },
      { kind: 'invalid', path: 'Data.Permissions[0]', keyword: 'enum' },
    ],
    [
      'a malformed date-time',
      { ...valid, Data: { Permissions: ['ReadBalances'], ExpirationDateTime: 'tomorrow' } },
      { kind: 'invalid', path: 'Data.ExpirationDateTime', keyword: 'format' },
    ],
    [
      'an empty array under minItems',
      { ...valid, Data: { Permissions: [] } },
      { kind: 'invalid', path: 'Data.Permissions', keyword: 'minItems' },
    ],
  ])('reports %s as the first violation', (_label, value, expected) => {
    expect(check(value)).toMatchObject(expected);
  });
  it('gives the same first violation every time', () => {
    const bad = { Data: { Permissions: ['ReadFoo'], ExpirationDateTime: 'x' } };
    expect(check(bad)).toEqual(check(bad));
  });
  it('refuses a schema name the document does not have', () => {
    expect(() => validators.schema('NoSuchSchema')).toThrow(`has no component schema "NoSuchSchema"`);
  });
});
