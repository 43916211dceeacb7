import type { ErrorObject } from 'ajv';

/**
 * The first way a value breaks an official schema, in terms every specification's error format can express:
 * a missing field, a field the schema does not allow, or a field with a wrong value.
 */
export interface SchemaViolation {
  readonly kind: 'missing' | 'unexpected' | 'invalid';
  /** Dotted path of the field from the validated value's root, e.g. `Data.Initiation.InstructedAmount.Amount`. */
  readonly path: string;
  /** A short English sentence naming the field and the problem. */
  readonly message: string;
  /** The JSON-schema keyword that failed (`required`, `enum`, `pattern`, `format`, `maxLength`, …). */
  readonly keyword: string;
}

function dottedPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
}

const join = (base: string, child: string): string => (base ? `${base}.${child}` : child);

export function toSchemaViolation(error: ErrorObject): SchemaViolation {
  const base = dottedPath(error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const path = join(base, (error.params as { missingProperty: string }).missingProperty);
      return { kind: 'missing', path, message: `${path} is missing`, keyword: error.keyword };
    }
    case 'additionalProperties': {
      const path = join(base, (error.params as { additionalProperty: string }).additionalProperty);
      return { kind: 'unexpected', path, message: `${path} is not allowed here`, keyword: error.keyword };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const shown = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, …` : allowed.join(', ');
      return {
        kind: 'invalid',
        path: base,
        message: `${base || 'the value'} must be one of ${shown}`,
        keyword: error.keyword,
      };
    }
    default:
      return {
        kind: 'invalid',
        path: base,
        message: `${base || 'the value'} ${error.message ?? 'is invalid'}`,
        keyword: error.keyword,
      };
  }
}
