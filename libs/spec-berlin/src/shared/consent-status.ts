/* Berlin Group statuses (§B.5, §B.6), stored as they are in the identity server's consent and authorization rows. */

/** `consentStatus` of AIS and PIIS consents. */
export const ConsentStatus = {
  Received: 'received',
  Valid: 'valid',
  PartiallyAuthorised: 'partiallyAuthorised',
  Rejected: 'rejected',
  RevokedByPsu: 'revokedByPsu',
  Expired: 'expired',
  TerminatedByTpp: 'terminatedByTpp',
} as const;
export type ConsentStatus = (typeof ConsentStatus)[keyof typeof ConsentStatus];

/** States that never change again (§B.5). */
export const FINAL_CONSENT_STATUSES: ReadonlySet<string> = new Set([
  ConsentStatus.Rejected,
  ConsentStatus.RevokedByPsu,
  ConsentStatus.Expired,
  ConsentStatus.TerminatedByTpp,
]);

/** States in which an authorisation (an approver on the consent page) may still be given. */
export const AUTHORISABLE_CONSENT_STATUSES: ReadonlySet<string> = new Set([
  ConsentStatus.Received,
  ConsentStatus.PartiallyAuthorised,
]);

/** ISO 20022 `transactionStatus` of a payment resource, the subset this module sets. */
export const TransactionStatus = {
  Received: 'RCVD',
  PartiallyAccepted: 'PATC',
  AcceptedCustomerProfile: 'ACCP',
  Rejected: 'RJCT',
  Cancelled: 'CANC',
} as const;
export type TransactionStatus = (typeof TransactionStatus)[keyof typeof TransactionStatus];

export const AUTHORISABLE_TRANSACTION_STATUSES: ReadonlySet<string> = new Set([
  TransactionStatus.Received,
  TransactionStatus.PartiallyAccepted,
]);

/** `scaStatus` of an authorisation sub-resource (the identity server's authorization rows). */
export const ScaStatus = {
  Received: 'received',
  Finalised: 'finalised',
  Failed: 'failed',
} as const;

/** The identity server's authorization `type` for an SCA sub-resource. */
export const AUTHORISATION_TYPE = 'authorisation';

export const ACTIVE_MAPPING = 'active';
