import { EmptySuccessSchema, EXTENSION_SCHEMAS, type ExtensionName, type ExtensionStatus } from '@app/contract';
import { publishedDataSchema } from './published-contract.js';
import { schemaViolations } from './schema-validation.js';

/**
 * `data` of a 200 answer against the shape the Java caller reads (`EXTENSION_SCHEMAS`) and, where it is right, the
 * published contract. A SUCCESS may leave `data` out only where the caller ignores it.
 */
export function dataViolations(extension: ExtensionName, status: ExtensionStatus, data: unknown): string[] {
  const schemas = EXTENSION_SCHEMAS[extension];
  const callerSchema = status === 'SUCCESS' ? schemas.success : schemas.failure;
  if (data === undefined) {
    return status === 'SUCCESS' && callerSchema === EmptySuccessSchema
      ? []
      : [`data is missing: the identity server reads it on a ${status} answer of ${extension}`];
  }
  const violations = schemaViolations(callerSchema, data, 'data');
  const published = publishedDataSchema(extension, status);
  if (published.kind === 'schema') {
    violations.push(
      ...schemaViolations(published.schema, data, 'data').map((violation) => `${violation} (published contract)`),
    );
  } else if (published.kind === 'unreadable') {
    violations.push(`the published contract cannot be checked: ${published.reason}`);
  }
  return violations;
}
