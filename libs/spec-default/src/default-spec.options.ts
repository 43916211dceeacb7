/** What a deployment may tune in the default specification; every value defaults to the accelerator's shipped one. */
export interface DefaultSpecOptions {
  /**
   * The largest `InstructedAmount.Amount` a payment consent may ask for (toml
   * `financial_services.consent.payments.max_instructed_amount`, shipped as 1000).
   */
  readonly maxInstructedAmount?: number;
  /** The validity of an account or funds-confirmation consent created without `ExpirationDateTime` (accelerator: 90). */
  readonly defaultAccountConsentValidityDays?: number;
}

export type ResolvedDefaultSpecOptions = Required<DefaultSpecOptions>;

const DEFAULTS: ResolvedDefaultSpecOptions = {
  maxInstructedAmount: 1000,
  defaultAccountConsentValidityDays: 90,
};

/** Fills in the defaults and refuses values that would silently break consent creation, so a bad config stops the boot. */
export function resolveDefaultSpecOptions(options: DefaultSpecOptions = {}): ResolvedDefaultSpecOptions {
  const resolved: ResolvedDefaultSpecOptions = {
    maxInstructedAmount: options.maxInstructedAmount ?? DEFAULTS.maxInstructedAmount,
    defaultAccountConsentValidityDays:
      options.defaultAccountConsentValidityDays ?? DEFAULTS.defaultAccountConsentValidityDays,
  };
  if (!Number.isFinite(resolved.maxInstructedAmount) || resolved.maxInstructedAmount < 1) {
    throw new Error(
      `DefaultSpecOptions.maxInstructedAmount must be a finite number of at least 1, got ${resolved.maxInstructedAmount}`,
    );
  }
  if (!Number.isInteger(resolved.defaultAccountConsentValidityDays) || resolved.defaultAccountConsentValidityDays < 1) {
    throw new Error(
      `DefaultSpecOptions.defaultAccountConsentValidityDays must be a positive integer, got ${resolved.defaultAccountConsentValidityDays}`,
    );
  }
  return resolved;
}
