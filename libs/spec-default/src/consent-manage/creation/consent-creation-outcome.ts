import { epochSeconds, type JsonObject, type NewConsentResource } from '@app/contract';
import { AUTHORISATION_TYPE, AuthorizationStatus, ConsentStatus } from '../../shared/consent-status.js';
import { ConsentType } from '../../shared/consent-type.js';
import { parseDateTimeValue } from '../../shared/date-time.js';

/** Seconds in a day, for the default validity expressed in days. */
const SECONDS_PER_DAY = 86_400;

export interface CreationOutcomeInput {
  readonly type: ConsentType;
  readonly consentResourcePath: string;
  /** The TPP body, already validated. */
  readonly payload: JsonObject;
  readonly data: JsonObject;
  readonly nowMillis: number;
  readonly defaultValidityDays: number;
}

/**
 * The consent the accelerator stores for a valid request (contract §7.1 "Default creation outcome",
 * `ConsentManageUtils.getValidityTime`, `createAuthorizableConsent`).
 */
export function consentCreationOutcome(input: CreationOutcomeInput): NewConsentResource {
  return {
    type: input.type,
    // File payment consents wait for their file before the customer can authorise them.
    status: input.consentResourcePath.includes('file')
      ? ConsentStatus.AwaitingUpload
      : ConsentStatus.AwaitingAuthorisation,
    frequency: 0,
    validityTime: validityTime(input),
    recurringIndicator: false,
    // The receipt is the TPP body as sent: idempotent replays are compared with it.
    receipt: input.payload,
    attributes: {},
    // One authorization without a user: the authorize flow reuses it as the primary authorization.
    authorizations: [{ type: AUTHORISATION_TYPE, status: AuthorizationStatus.Created, resources: [] }],
  };
}

/** Payments never expire (0); other consents expire at `ExpirationDateTime`, or after the default validity. */
function validityTime({ type, data, nowMillis, defaultValidityDays }: CreationOutcomeInput): number {
  if (type === ConsentType.Payments) {
    return 0;
  }
  const expiration = parseDateTimeValue(data['ExpirationDateTime']);
  return expiration === undefined
    ? epochSeconds(nowMillis) + defaultValidityDays * SECONDS_PER_DAY
    : epochSeconds(expiration);
}
