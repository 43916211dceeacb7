/** Consent statuses of UK Open Banking v3.1.11 (§A.5), plus the state of a consent its TPP deleted. */
export const UkConsentStatus = {
  AwaitingAuthorisation: 'AwaitingAuthorisation',
  Authorised: 'Authorised',
  Rejected: 'Rejected',
  Revoked: 'Revoked',
  Consumed: 'Consumed',
  /** A file-payment consent until its file is uploaded. */
  AwaitingUpload: 'AwaitingUpload',
  /**
   * A `DELETE` removes a consent in the standard; the identity server cannot delete one, so it keeps it in this
   * state, which no TPP ever sees: a later GET answers 400 UK.OBIE.Resource.NotFound, as for an unknown id.
   */
  Deleted: 'Deleted',
} as const;

export const UkAuthorizationStatus = {
  Created: 'Created',
  Authorised: 'Authorised',
  Rejected: 'Rejected',
} as const;

/** The type of the single authorization of a UK consent (the identity server reuses it as the primary one). */
export const AUTHORISATION_TYPE = 'authorisation';

export const ACTIVE_MAPPING = 'active';
