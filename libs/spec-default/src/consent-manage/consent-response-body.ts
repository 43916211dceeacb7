import type { JsonObject, StoredConsentResource } from '@app/contract';
import { formatOffsetDateTime } from '../shared/date-time.js';
import { isJsonObject } from '../shared/json.js';

/**
 * The body the accelerator sends a TPP for a created or retrieved consent (`ConsentExtensionUtils.getInitiationResponse`
 * / `getInitiationRetrievalResponse`): the stored receipt with `ConsentId`, `CreationDateTime`, `StatusUpdateDateTime`
 * and `Status` added to `Data`. Fields the identity server did not send are left out rather than written as null.
 */
export function consentResponseBody(consentId: string | undefined, consent: StoredConsentResource): JsonObject {
  const receipt = consent.receipt ?? {};
  const data: JsonObject = isJsonObject(receipt['Data']) ? { ...receipt['Data'] } : {};
  setIfDefined(data, 'ConsentId', consentId ?? consent.id);
  setIfDefined(
    data,
    'CreationDateTime',
    consent.createdTime === undefined ? undefined : formatOffsetDateTime(consent.createdTime),
  );
  setIfDefined(
    data,
    'StatusUpdateDateTime',
    consent.updatedTime === undefined ? undefined : formatOffsetDateTime(consent.updatedTime),
  );
  setIfDefined(data, 'Status', consent.status);
  return { ...receipt, Data: data };
}

function setIfDefined(target: JsonObject, key: string, value: string | undefined): void {
  if (value !== undefined) {
    target[key] = value;
  }
}
