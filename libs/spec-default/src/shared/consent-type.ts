/** The consent types of the accelerator's built-in logic (`ConsentExtensionConstants`). */
export const ConsentType = {
  Accounts: 'accounts',
  FundsConfirmations: 'fundsconfirmations',
  Payments: 'payments',
  /** Consents created at authorisation time by a scope-based flow. */
  Default: 'default',
} as const;

export type ConsentType = (typeof ConsentType)[keyof typeof ConsentType];

/** The types a TPP creates and manages through `/api/fs/consent/manage`. */
export type ManagedConsentType = Exclude<ConsentType, 'default'>;

/** The types a TPP can create through `/manage`, in the order `ConsentExtensionUtils.getConsentType` tests them. */
const TYPE_BY_PATH_SEGMENT: ReadonlyArray<readonly [string, ManagedConsentType]> = [
  ['account-access-consents', ConsentType.Accounts],
  ['funds-confirmation-consents', ConsentType.FundsConfirmations],
  ['payment-consents', ConsentType.Payments],
];

/**
 * The consent type a manage path addresses (`ConsentExtensionUtils.getConsentType`: "path contains"), so
 * `file-payment-consents/…` is a payment consent. Undefined for any other path.
 */
export function consentTypeFromPath(path: string): ManagedConsentType | undefined {
  return TYPE_BY_PATH_SEGMENT.find(([segment]) => path.includes(segment))?.[1];
}

/**
 * The type check of the accelerator's GET, DELETE and file GET: the path must name the stored consent's type. A path
 * naming no known type never matches.
 */
export function pathNamesConsentType(path: string, storedType: string | undefined): boolean {
  const type = consentTypeFromPath(path);
  return type !== undefined && type === storedType;
}
