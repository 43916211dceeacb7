/** Consent, authorization and mapping values of the accelerator's built-in logic (`ConsentExtensionConstants`). */
export const ConsentStatus = {
  AwaitingAuthorisation: 'AwaitingAuthorisation',
  AwaitingUpload: 'AwaitingUpload',
  Authorised: 'Authorised',
  Rejected: 'Rejected',
  Revoked: 'Revoked',
} as const;

export const AuthorizationStatus = {
  Created: 'Created',
  Authorised: 'Authorised',
  Rejected: 'Rejected',
} as const;

/** `DEFAULT_AUTH_TYPE`: the type of the single authorization the default flows create. */
export const AUTHORISATION_TYPE = 'authorisation';

/** The permission the default persist step gives every account mapping. */
export const PRIMARY_PERMISSION = 'primary';

/** The status of an account mapping in use; the identity server sets revoked ones to `inactive`. */
export const ACTIVE_MAPPING = 'active';
