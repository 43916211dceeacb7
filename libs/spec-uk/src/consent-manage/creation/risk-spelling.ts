import type { JsonObject } from '@app/contract';
import { isJsonObject } from '../../shared/json.js';

/** The OBRisk1 field as the copied v3.1.11 branch head spells it (errata CDRW-4213, spec-rules §A.6). */
const BRANCH_SPELLING = 'ContractPresentInidicator';
/** The spelling of the v3.1.11 release tag, v4 and the documentation. */
const RELEASE_SPELLING = 'ContractPresentIndicator';

/**
 * The body to validate against the copied schema: a Risk with the correct spelling gets the field renamed to the
 * schema's spelling, so both spellings are accepted. The body itself (the receipt) is never changed.
 */
export function withSchemaRiskSpelling(body: JsonObject): JsonObject {
  const risk = body['Risk'];
  if (!isJsonObject(risk) || !Object.hasOwn(risk, RELEASE_SPELLING) || Object.hasOwn(risk, BRANCH_SPELLING)) {
    return body;
  }
  const { [RELEASE_SPELLING]: indicator, ...rest } = risk;
  return { ...body, Risk: { ...rest, [BRANCH_SPELLING]: indicator } };
}
