import type { JsonObject, StoredConsentResource } from '@app/contract';
import { SERVICE_INITIATION_TYPE } from '../schemas/uae-official-schemas.js';
import { tppConsentIdOf } from '../shared/consent-attributes.js';
import type { RevokedBy, UaeConsentStatus } from '../shared/consent-status.js';
import { formatDateTime } from '../shared/date-time.js';
import { isJsonObject, objectAt, stringAt } from '../shared/json.js';

/** The consent fields each response may carry (every level is additionalProperties:false in the official schemas). */
const ACCOUNT_ACCESS_FIELDS = [
  'BaseConsentId',
  'Permissions',
  'ExpirationDateTime',
  'FromDate',
  'ToDate',
  'AccountType',
  'AccountSubType',
  'OnBehalfOf',
  'OpenFinanceBilling',
];
const SERVICE_INITIATION_FIELDS = [
  'BaseConsentId',
  'IsSingleAuthorization',
  'AuthorizationExpirationDateTime',
  'Permissions',
  'ExpirationDateTime',
  'ControlParameters',
  'DebtorReference',
  'CreditorReference',
  'PaymentPurposeCode',
  'SponsoredTPPInformation',
];

export interface ConsentResponseInput {
  readonly resource: StoredConsentResource;
  readonly status: UaeConsentStatus;
  readonly revokedBy?: RevokedBy;
  /** AEPaymentConsumption of a payment consent. */
  readonly paymentConsumption?: JsonObject;
  readonly resourceBaseUrl: string;
}

function pick(source: JsonObject, fields: readonly string[]): JsonObject {
  return Object.fromEntries(
    fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  );
}

/** Subscription as the response schema has it: `{Webhook:{Url?, IsActive?}}`. */
function subscriptionOf(item: JsonObject): JsonObject | undefined {
  const webhook = objectAt(objectAt(item, 'subscription'), 'Webhook');
  return webhook === undefined ? undefined : { Webhook: pick(webhook, ['Url', 'IsActive']) };
}

/** Whether a stored consent is a payment consent (its receipt is a service initiation item). */
export function isServiceInitiation(resource: StoredConsentResource): boolean {
  return stringAt(resource.receipt, 'type') === SERVICE_INITIATION_TYPE;
}

/**
 * The UAE consent body (spec-rules §C.5 for data sharing; AEBankServiceInitiationConsentProperties for payments): the
 * TPP's consent from the receipt, the TPP's ConsentId, the identity server's times and status, and only the fields
 * each schema level allows. PersonalIdentifiableInformation is never returned.
 */
export function uaeConsentResponseBody(input: ConsentResponseInput): JsonObject {
  const { resource } = input;
  const item = isJsonObject(resource.receipt) ? resource.receipt : {};
  const consent = objectAt(item, 'consent') ?? {};
  const payment = isServiceInitiation(resource);
  const consentId = tppConsentIdOf(resource) ?? resource.id ?? '';
  const created = resource.createdTime ?? 0;
  const data: JsonObject = {
    ConsentId: consentId,
    ...pick(consent, payment ? SERVICE_INITIATION_FIELDS : ACCOUNT_ACCESS_FIELDS),
    Status: input.status,
    CreationDateTime: formatDateTime(created),
    StatusUpdateDateTime: formatDateTime(resource.updatedTime ?? created),
    ...(input.revokedBy === undefined ? {} : { RevokedBy: input.revokedBy }),
    ...(payment && input.paymentConsumption !== undefined ? { PaymentConsumption: input.paymentConsumption } : {}),
  };
  const subscription = subscriptionOf(item);
  const path = payment ? 'payment-consents' : 'account-access-consents';
  const self = `${input.resourceBaseUrl}/${path}/${encodeURIComponent(consentId)}`;
  return {
    Data: data,
    ...(subscription === undefined ? {} : { Subscription: subscription }),
    // A payment consent links the payments made under it; this service does not see them (the gateway does).
    Links: payment ? { Self: self, Related: [] } : { Self: self },
    Meta: {},
  };
}
