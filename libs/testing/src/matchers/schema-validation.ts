import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/*
 * One ajv instance for the contract's TypeBox schemas and for the published OpenAPI 3.0 schemas. `strict: false`
 * because both carry keywords ajv does not know (`example`, TypeBox's symbols are ignored anyway); each schema object
 * is compiled once and the validator reused.
 */
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
// OpenAPI's numeric formats: the `type: integer` beside them is what matters; int32 is even wrong for epoch seconds.
ajv.addFormat('int32', true);
ajv.addFormat('int64', true);

const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function describeError(error: ErrorObject, label: string): string {
  const where = `${label}${error.instancePath.replaceAll('/', '.')}`;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${where} has the unknown key "${params.additionalProperty}"`;
  }
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${where} lacks the required key "${params.missingProperty}"`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** The violations of `value` against `schema`, each prefixed with `label` (e.g. `data`); empty when valid. */
export function schemaViolations(schema: object, value: unknown, label: string): string[] {
  const validate = validatorFor(schema);
  if (validate(value)) {
    return [];
  }
  return (validate.errors ?? []).map((error) => describeError(error, label));
}
