import type { JsonObject } from '@app/contract';
import type { AuthorizationDetailType } from '../schemas/uae-official-schemas.js';

/** A TPP's consent as its `authorization_details` item carries it, checked against the schema and the rules. */
export interface UaeConsentRequest {
  readonly type: AuthorizationDetailType;
  readonly kind: 'account-access' | 'service-initiation';
  /** The whole item `{type, consent, subscription?}`: the consent's receipt. */
  readonly item: JsonObject;
  readonly consent: JsonObject;
  /** The TPP's ConsentId. */
  readonly consentId: string;
  readonly baseConsentId?: string;
  /** The decrypted PersonalIdentifiableInformation of a payment (never stored). */
  readonly pii?: JsonObject;
}
