import type { BankAccountView } from '@app/bank-backend';
import type { StoredConsentResource } from '@app/contract';
import { attributeOf, ConsentAttribute, multiAuthorisationDecisionAttribute } from '../shared/consent-attributes.js';
import { instantOf } from '../shared/date-time.js';
import { objectAt, stringAt } from '../shared/json.js';
import { UkAuthorizationStatus } from '../shared/uk-status.js';

/*
 * Multi-authorisation of payment orders (§A.5; payment-initiation API profile, "Multiple Authorisation"): a payment
 * from an account that needs several authorisers is Authorised by its first authoriser, who stages it, and its
 * MultiAuthorisation (OBMultiAuthorisation1) then awaits the others, each through the consent page and persist, until
 * the last approves (Authorised) or one declines or the CompletionDateTime passes (Rejected). The state lives in the
 * consent: its authorizations (one per authoriser) and attributes written once each (consent-attributes.ts).
 */

export const MultiAuthorisationStatus = {
  AwaitingFurtherAuthorisation: 'AwaitingFurtherAuthorisation',
  Authorised: 'Authorised',
  Rejected: 'Rejected',
} as const;

export type MultiAuthorisationStatus = (typeof MultiAuthorisationStatus)[keyof typeof MultiAuthorisationStatus];

/** OBMultiAuthorisation1, as the bank's payment-order resources report it. */
export interface MultiAuthorisation {
  readonly Status: MultiAuthorisationStatus;
  readonly NumberRequired: number;
  readonly NumberReceived: number;
  readonly LastUpdateDateTime?: string;
  readonly ExpirationDateTime?: string;
}

/** The authorisers an account's payments need: one for a retail account, the bank's setting for an SME or Corporate one. */
export function requiredAuthorisers(
  account: Pick<BankAccountView, 'accountType'>,
  businessAccountAuthorisers: number,
): number {
  return account.accountType === 'Retail' ? 1 : businessAccountAuthorisers;
}

/** The consent's `Authorisation.AuthorisationType`: absent is `Any` ("an ASPSP will interpret the AuthorisationType as 'Any'"). */
export function authorisationTypeOf(consent: StoredConsentResource): 'Any' | 'Single' {
  return stringAt(objectAt(objectAt(consent.receipt, 'Data'), 'Authorisation'), 'AuthorisationType') === 'Single'
    ? 'Single'
    : 'Any';
}

/** `Authorisation.CompletionDateTime`: when the authorisation flow must be complete; absent is unbounded. */
export function completionDeadline(consent: StoredConsentResource): string | undefined {
  return stringAt(objectAt(objectAt(consent.receipt, 'Data'), 'Authorisation'), 'CompletionDateTime');
}

/** The customers who approved, each once, in order. */
export function approversOf(consent: StoredConsentResource): string[] {
  const users = (consent.authorizations ?? [])
    .filter(
      (authorization) =>
        authorization.status === UkAuthorizationStatus.Authorised && authorization.userId !== undefined,
    )
    .map((authorization) => authorization.userId!);
  return [...new Set(users)];
}

/** The customers who decided (approved or declined). */
export function decidersOf(consent: StoredConsentResource): Set<string> {
  return new Set(
    (consent.authorizations ?? [])
      .filter(
        (authorization) => authorization.userId !== undefined && authorization.status !== UkAuthorizationStatus.Created,
      )
      .map((authorization) => authorization.userId!),
  );
}

/** The MultiAuthorisation of a payment consent that needs several authorisers; undefined for one that needs one. */
export function multiAuthorisationOf(
  consent: StoredConsentResource,
  nowMillis: number,
): MultiAuthorisation | undefined {
  const required = Number(attributeOf(consent, ConsentAttribute.MultiAuthorisationNumberRequired));
  if (!Number.isInteger(required) || required < 2) {
    return undefined;
  }
  const received = approversOf(consent).length;
  const decisions = [...decidersOf(consent)].length;
  const lastUpdate = attributeOf(consent, multiAuthorisationDecisionAttribute(decisions));
  const expiration = completionDeadline(consent);
  const expiresAt = instantOf(expiration);
  const recorded = attributeOf(consent, ConsentAttribute.MultiAuthorisationStatus);
  const status: MultiAuthorisationStatus =
    recorded === MultiAuthorisationStatus.Authorised || recorded === MultiAuthorisationStatus.Rejected
      ? recorded
      : expiresAt !== undefined && expiresAt <= nowMillis
        ? MultiAuthorisationStatus.Rejected
        : MultiAuthorisationStatus.AwaitingFurtherAuthorisation;
  return {
    Status: status,
    NumberRequired: required,
    NumberReceived: received,
    ...(lastUpdate === undefined ? {} : { LastUpdateDateTime: lastUpdate }),
    ...(expiration === undefined ? {} : { ExpirationDateTime: expiration }),
  };
}
