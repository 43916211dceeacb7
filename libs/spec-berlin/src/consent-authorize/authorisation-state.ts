import type { StoredConsentResource } from '@app/contract';
import type { BankAccountView } from '@app/bank-backend';
import type { BerlinSpecOptions } from '../berlin-spec.options.js';
import {
  AUTHORISABLE_CONSENT_STATUSES,
  AUTHORISABLE_TRANSACTION_STATUSES,
  ScaStatus,
} from '../shared/consent-status.js';
import { BerlinConsentType } from '../shared/consent-type.js';

/* Where a consent stands in its (possibly multilevel) SCA: used by the consent screen and by persist. */

export function isAuthorisable(consent: StoredConsentResource): boolean {
  const statuses =
    consent.type === BerlinConsentType.Payments ? AUTHORISABLE_TRANSACTION_STATUSES : AUTHORISABLE_CONSENT_STATUSES;
  return statuses.has(consent.status ?? '');
}

/** The customers who have already approved (finalised authorisations), each once. */
export function approversOf(consent: StoredConsentResource): ReadonlySet<string> {
  return new Set(
    (consent.authorizations ?? [])
      .filter((authorization) => authorization.status === ScaStatus.Finalised && authorization.userId !== undefined)
      .map((authorization) => authorization.userId!),
  );
}

/** Multilevel SCA: a consent or payment covering a business (SME, Corporate) account needs more approvers. */
export function requiredApprovals(options: BerlinSpecOptions, accounts: readonly BankAccountView[]): number {
  const business = accounts.some((account) => account.accountType !== 'Retail');
  return business ? Math.max(options.businessAccountApprovals, options.requiredApprovals) : options.requiredApprovals;
}
