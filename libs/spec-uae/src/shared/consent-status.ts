/** AEConsentStatusCodes (spec-rules §C.4): American spelling, as the identity server stores them for UAE consents. */
export const UaeConsentStatus = {
  AwaitingAuthorization: 'AwaitingAuthorization',
  Authorized: 'Authorized',
  Rejected: 'Rejected',
  Revoked: 'Revoked',
  Expired: 'Expired',
  Consumed: 'Consumed',
  Suspended: 'Suspended',
} as const;

export type UaeConsentStatus = (typeof UaeConsentStatus)[keyof typeof UaeConsentStatus];

const ALL_STATUSES: readonly string[] = Object.values(UaeConsentStatus);

export function isUaeConsentStatus(value: unknown): value is UaeConsentStatus {
  return typeof value === 'string' && ALL_STATUSES.includes(value);
}

/** PATCH Revoked is allowed from these (spec-rules §C.4: the schema's two plus Suspended, from the documentation). */
export const REVOCABLE_STATUSES: readonly UaeConsentStatus[] = [
  UaeConsentStatus.Authorized,
  UaeConsentStatus.AwaitingAuthorization,
  UaeConsentStatus.Suspended,
];

/** AERevokedByCodes. */
export const REVOKED_BY_CODES = ['LFI', 'TPP', 'LFI.InitiatedByUser', 'TPP.InitiatedByUser'] as const;
export type RevokedBy = (typeof REVOKED_BY_CODES)[number];
