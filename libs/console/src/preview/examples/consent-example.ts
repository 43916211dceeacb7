import type { JsonRecord } from '@app/testing';

/**
 * A TPP request the console can turn into a consent page. `tpp-initiated`: the TPP POSTs the body to the consent
 * resource path (pre-process-consent-creation, then enrich-consent-creation-response) and the customer is sent to
 * authorise that consent. `pushed-authorization`: the consent travels in the request object's
 * `authorization_details` (validate-authorization-request), and persist creates it (UAE).
 */
export interface ConsentExample {
  /** URL-safe, unique within its specification. */
  readonly id: string;
  readonly title: string;
  readonly flow: 'tpp-initiated' | 'pushed-authorization';
  /** The TPP's client id (the application the consent page names). */
  readonly clientId: string;
  /** `consentResourcePath` of the TPP's POST (tpp-initiated only). */
  readonly resourcePath: string;
  /** The request object's scope. */
  readonly scope: string;
  /** TPP headers the gateway forwards (`manage_extension.allowed_headers`), besides `x-wso2-client-id`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The TPP's body, or the `authorization_details` item; editable on the page. */
  readonly body: JsonRecord;
  /**
   * `uk-detached-jws`: sign the body as the demo TPP (x-jws-signature) and add an x-idempotency-key, as UK payment
   * consents need. `uae-pii`: encrypt a PersonalIdentifiableInformation object for the demo bank key.
   */
  readonly preparation?: 'uk-detached-jws' | 'uae-pii';
  /** What an integrator should know to get this example through (a setting, a demo key). */
  readonly note?: string;
}
