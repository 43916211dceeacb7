import type { StoredConsentResource } from '@app/contract';

/*
 * Attributes this module adds to a consent (persist-authorized-consent answers them; the identity server stores them
 * and sends them back with the consent). The identity server inserts attributes and never updates them: a key is
 * written once, so every value here is a fact that does not change afterwards.
 */
export const ConsentAttribute = {
  /** The account a payment consent was approved for: funds confirmations are answered for it. */
  DebtorAccountId: 'DebtorAccountId',
} as const;

export type ConsentAttribute = (typeof ConsentAttribute)[keyof typeof ConsentAttribute];

export function attributeOf(consent: StoredConsentResource | undefined, name: ConsentAttribute): string | undefined {
  const value = consent?.attributes?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
