import type { StoredConsentResource } from '@app/contract';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import { attributeOf, ConsentAttribute } from './consent-attributes.js';
import { BerlinConsentType } from './consent-type.js';

/* The XS2A addresses of a consent or payment resource and the `_links` of a creation response (§B.4). */

export type Links = Record<string, { readonly href: string }>;

/** `self` of the resource: /consents/{id}, /consents/confirmation-of-funds/{id} or /{payment-service}/{product}/{id}. */
export function resourceHref(options: BerlinSpecOptions, consent: StoredConsentResource, consentId: string): string {
  const base = options.apiBasePath;
  if (consent.type === BerlinConsentType.Payments) {
    const service = attributeOf(consent, ConsentAttribute.PaymentService) ?? 'payments';
    const product = attributeOf(consent, ConsentAttribute.PaymentProduct) ?? 'sepa-credit-transfers';
    return `${base}/${service}/${product}/${encodeURIComponent(consentId)}`;
  }
  if (consent.type === BerlinConsentType.FundsConfirmations) {
    return `${base}/consents/confirmation-of-funds/${encodeURIComponent(consentId)}`;
  }
  return `${base}/consents/${encodeURIComponent(consentId)}`;
}

/**
 * The links the SCA approach requires: Redirect gives `scaRedirect` and the authorisation's `scaStatus`; Embedded and
 * Decoupled let the TPP start the authorisation itself. `self` and `status` always.
 */
export function creationLinks(
  options: BerlinSpecOptions,
  self: string,
  consentId: string,
  authorisationId: string | undefined,
): Links {
  const links: Links = {};
  if (options.scaApproach === 'REDIRECT') {
    links['scaRedirect'] = { href: options.scaRedirectUrl.replaceAll('{consentId}', encodeURIComponent(consentId)) };
  } else if (options.scaApproach === 'EMBEDDED') {
    links['startAuthorisationWithPsuAuthentication'] = { href: `${self}/authorisations` };
  } else {
    links['startAuthorisationWithPsuIdentification'] = { href: `${self}/authorisations` };
  }
  links['self'] = { href: self };
  links['status'] = { href: `${self}/status` };
  if (options.scaApproach === 'REDIRECT' && authorisationId !== undefined) {
    links['scaStatus'] = { href: `${self}/authorisations/${encodeURIComponent(authorisationId)}` };
  }
  return links;
}
