import type { SchemaViolation } from '@app/openapi-schemas';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

/**
 * The UK error of the first way a body breaks the official schema (§A.3, §A.6, §A.9): a missing field is
 * Field.Missing, a field the schema does not allow Resource.InvalidFormat, a malformed date Field.InvalidDate, any
 * other wrong value Field.Invalid; Path is the field's JSON path.
 */
export function schemaViolationRejection(violation: SchemaViolation): UkRejection {
  switch (violation.kind) {
    case 'missing':
      return ukRejection(400, UkErrorCode.FieldMissing, violation.message, violation.path);
    case 'unexpected':
      return ukRejection(400, UkErrorCode.ResourceInvalidFormat, violation.message, violation.path);
    case 'invalid':
      return violation.keyword === 'format'
        ? ukRejection(
            400,
            UkErrorCode.FieldInvalidDate,
            `${violation.path} is not a valid ISO 8601 date-time`,
            violation.path,
          )
        : ukRejection(400, UkErrorCode.FieldInvalid, violation.message, violation.path || undefined);
  }
}
