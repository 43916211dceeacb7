/**
 * The consent `type` stored in the identity server. The accelerator's own type names are kept because the identity
 * server ties them to OAuth scopes (`accounts`, `payments`, `fundsconfirmations`); they are not UK-specific.
 */
export const BerlinConsentType = {
  Accounts: 'accounts',
  Payments: 'payments',
  FundsConfirmations: 'fundsconfirmations',
} as const;
export type BerlinConsentType = (typeof BerlinConsentType)[keyof typeof BerlinConsentType];
