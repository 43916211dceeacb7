import type { StoredConsentResource } from '@app/contract';

/** The consent attributes this module stores: the identity server generates its own consent id, UAE uses the TPP's. */
export const UAE_ATTRIBUTES = { consentId: 'UaeConsentId', baseConsentId: 'UaeBaseConsentId' } as const;

/** The TPP's ConsentId of a stored consent (attribute, else the receipt), or undefined for a consent not made here. */
export function tppConsentIdOf(resource: StoredConsentResource | undefined): string | undefined {
  const fromAttribute = resource?.attributes?.[UAE_ATTRIBUTES.consentId];
  if (fromAttribute !== undefined && fromAttribute !== '') {
    return fromAttribute;
  }
  const consent = resource?.receipt?.['consent'];
  const fromReceipt =
    typeof consent === 'object' && consent !== null ? (consent as Record<string, unknown>)['ConsentId'] : undefined;
  return typeof fromReceipt === 'string' ? fromReceipt : undefined;
}
