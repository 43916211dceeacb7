import type { SchemaViolation } from '@app/openapi-schemas';
import { berlinError, type BerlinError } from './tpp-messages.js';

/** The field name as adorsys' messages quote it: the last segment of the path (`access.balances[0].iban` → `iban`). */
function fieldName(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.replace(/\[\d+\]$/, '') || 'body';
}

/**
 * A violation of the official schema as a Berlin Group FORMAT_ERROR, with adorsys' wording (§B.3): "Value 'x' should
 * not be null", "The field 'x' is not expected in the request", "Value 'x' should not be lower than 1", …
 */
export function schemaViolationError(violation: SchemaViolation): BerlinError {
  const field = fieldName(violation.path);
  const path = violation.path;
  if (violation.kind === 'missing') {
    return berlinError(400, 'FORMAT_ERROR', `Value '${field}' should not be null`, path);
  }
  if (violation.kind === 'unexpected') {
    return berlinError(400, 'FORMAT_ERROR', `The field '${field}' is not expected in the request`, path);
  }
  switch (violation.keyword) {
    case 'type':
      return berlinError(
        400,
        'FORMAT_ERROR',
        `Value '${field}' should be ${violation.message.replace(/^.* must be /, '')} format`,
        path,
      );
    case 'minimum':
      return berlinError(
        400,
        'FORMAT_ERROR',
        `Value '${field}' should not be lower than ${/(-?\d+)$/.exec(violation.message)?.[1] ?? '1'}`,
        path,
      );
    case 'format':
      return berlinError(400, 'FORMAT_ERROR', `Wrong format for '${field}': ${violation.message}`, path);
    default:
      return berlinError(400, 'FORMAT_ERROR', `Value '${field}' has wrong format: ${violation.message}`, path);
  }
}
