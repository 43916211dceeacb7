import type { StoredConsentResource } from '@app/contract';

/*
 * Attributes this module adds to a consent (persist-authorized-consent answers them; the identity server stores them
 * and sends them back with the consent). The identity server inserts attributes and never updates them: a key is
 * written once, so every value here is a fact that does not change afterwards.
 */
export const ConsentAttribute = {
  /** The account a payment consent was approved for: funds confirmations are answered for it. */
  DebtorAccountId: 'DebtorAccountId',
  /** How many authorisers the payment needs, when more than one (written at the first approval). */
  MultiAuthorisationNumberRequired: 'MultiAuthorisation.NumberRequired',
  /** `Authorised` or `Rejected`, written by the authoriser whose decision completes the multi-authorisation. */
  MultiAuthorisationStatus: 'MultiAuthorisation.Status',
} as const;

export type ConsentAttribute = (typeof ConsentAttribute)[keyof typeof ConsentAttribute];

/**
 * `MultiAuthorisation.Decision.{n}`: the time of the n-th authoriser's decision (from 1). A key of its own per decision,
 * since a key is written once; the latest is the MultiAuthorisation's LastUpdateDateTime.
 */
export function multiAuthorisationDecisionAttribute(ordinal: number): string {
  return `MultiAuthorisation.Decision.${ordinal}`;
}

const REAUTHENTICATED = 'Reauthenticated.';

/** `Reauthenticated.{n}`: the time of the consent's n-th re-authentication (from 1), the next free key. */
export function nextReauthenticationAttribute(consent: StoredConsentResource): string {
  const done = Object.keys(consent.attributes ?? {}).filter((key) => key.startsWith(REAUTHENTICATED)).length;
  return `${REAUTHENTICATED}${done + 1}`;
}

export function attributeOf(consent: StoredConsentResource | undefined, name: string): string | undefined {
  const value = consent?.attributes?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
