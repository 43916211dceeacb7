import type { JsonObject } from '@app/contract';
import type { SchemaCheck } from '@app/openapi-schemas';
import type { UkRejection } from '../../shared/uk-error.js';
import { withSchemaRiskSpelling } from './risk-spelling.js';
import { schemaViolationRejection } from './schema-violation.rejection.js';

/**
 * The endpoint's official request schema (§A.3, §A.6): the UK error of the first violation, or undefined when the body
 * conforms. Both spellings of the Risk's ContractPresentIndicator are accepted (see risk-spelling.ts).
 */
export function officialSchemaRejection(check: SchemaCheck, body: JsonObject): UkRejection | undefined {
  const violation = check(withSchemaRiskSpelling(body));
  return violation === undefined ? undefined : schemaViolationRejection(violation);
}
