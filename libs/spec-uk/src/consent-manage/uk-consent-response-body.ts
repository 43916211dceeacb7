import type { JsonObject, StoredConsentResource } from '@app/contract';
import type { UkSpecOptions } from '../uk-spec.options.js';
import { formatUkDateTime } from '../shared/date-time.js';
import { isJsonObject } from '../shared/json.js';
import type { UkConsentKind } from '../shared/uk-consent-kind.js';

/**
 * The UK consent response (OBReadConsentResponse1, OBWrite…ConsentResponse, OBFundsConfirmationConsentResponse1,
 * OBDomesticVRPConsentResponse): `Data` with ConsentId, Status, CreationDateTime, StatusUpdateDateTime and the request
 * fields unchanged, `Risk` as sent (funds-confirmation and file-payment consents have none), `Links.Self` and `Meta`.
 */
export function ukConsentResponseBody(
  kind: UkConsentKind,
  consentId: string,
  consent: StoredConsentResource,
  options: UkSpecOptions,
): JsonObject {
  const receipt = consent.receipt ?? {};
  const requestData = isJsonObject(receipt['Data']) ? receipt['Data'] : {};
  const created = formatUkDateTime(consent.createdTime ?? 0);
  const updated = formatUkDateTime(consent.updatedTime ?? consent.createdTime ?? 0);
  const data: JsonObject = {
    ConsentId: consentId,
    Status: consent.status,
    ...(created === undefined ? {} : { CreationDateTime: created }),
    ...(updated === undefined ? {} : { StatusUpdateDateTime: updated }),
    ...requestData,
  };
  return {
    Data: data,
    ...(kind.withoutRisk === true ? {} : { Risk: isJsonObject(receipt['Risk']) ? receipt['Risk'] : {} }),
    Links: { Self: selfLink(kind, consentId, options) },
    Meta: { TotalPages: 1 },
  };
}

/** `https://{bank}/open-banking/v3.1/{aisp|pisp|cbpii}/{endpoint}/{ConsentId}` (an absolute URI, §A.4). */
export function selfLink(kind: UkConsentKind, consentId: string, options: UkSpecOptions, suffix = ''): string {
  return `${options.apiBaseUrl}/open-banking/${options.apiVersionPath}/${kind.apiGroup}/${kind.path}/${encodeURIComponent(consentId)}${suffix}`;
}
