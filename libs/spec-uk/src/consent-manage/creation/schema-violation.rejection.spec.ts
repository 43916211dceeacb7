import type { SchemaViolation } from '@app/openapi-schemas';
import { schemaViolationRejection } from './schema-violation.rejection.js';

describe(schemaViolationRejection.name, () => {
  it.each<[string, SchemaViolation, string, string]>([
    [
      'a missing field is Field.Missing',
      { kind: 'missing', path: 'Data.DebtorAccount', message: 'Data.DebtorAccount is missing', keyword: 'required' },
      'UK.OBIE.Field.Missing',
      'Data.DebtorAccount is missing',
    ],
    [
      'a field the schema does not allow is Resource.InvalidFormat',
      { kind: 'unexpected', path: 'Risk.x', message: 'Risk.x is not allowed here', keyword: 'additionalProperties' },
      'UK.OBIE.Resource.InvalidFormat',
      'Risk.x is not allowed here',
    ],
    [
      'a malformed date is Field.InvalidDate, with a message of its own',
      {
        kind: 'invalid',
        path: 'Data.ExpirationDateTime',
        message: 'Data.ExpirationDateTime must match format "date-time"',
        keyword: 'format',
      },
      'UK.OBIE.Field.InvalidDate',
      'Data.ExpirationDateTime is not a valid ISO 8601 date-time',
    ],
    ...['pattern', 'enum', 'maxLength', 'type', 'minItems'].map(
      (keyword): [string, SchemaViolation, string, string] => [
        `any other wrong value (${keyword}) is Field.Invalid with the violation's message`,
        { kind: 'invalid', path: 'Data.Permission', message: 'Data.Permission must be one of Create', keyword },
        'UK.OBIE.Field.Invalid',
        'Data.Permission must be one of Create',
      ],
    ),
  ])("%s: 400 on the violation's path", (_case, violation, code, message) => {
    expect(schemaViolationRejection(violation)).toEqual({ status: 400, code, message, path: violation.path });
  });

  it('a wrong value at the root has no path', () => {
    expect(
      schemaViolationRejection({ kind: 'invalid', path: '', message: 'the value must be object', keyword: 'type' }),
    ).toEqual({
      status: 400,
      code: 'UK.OBIE.Field.Invalid',
      message: 'the value must be object',
    });
  });
});
