import type { StoredConsentResource } from '@app/contract';

/**
 * The consent attributes this module stores in the identity server (string values of at most 255 characters, each
 * key written once: the identity server inserts attributes and fails on a repeated key).
 */
export const ConsentAttribute = {
  /** The `validUntil` after the ASPSP's adjustment (§B.3), shown by GET. */
  ValidUntil: 'validUntil',
  /** dedicated | bankOffered | global | availableAccounts | availableAccountsWithBalance. */
  AccessKind: 'accessKind',
  PaymentService: 'paymentService',
  PaymentProduct: 'paymentProduct',
  /** The X-Request-ID of the creation call, echoed on the creation response. */
  CreationRequestId: 'xRequestId',
  /** Set when a recurring AIS consent becomes valid: the customer and TPP whose earlier recurring consent it ends. */
  RecurringGroup: 'recurringGroup',
} as const;

export const AccessKind = {
  Dedicated: 'dedicated',
  BankOffered: 'bankOffered',
  Global: 'global',
  AvailableAccounts: 'availableAccounts',
  AvailableAccountsWithBalance: 'availableAccountsWithBalance',
} as const;
export type AccessKind = (typeof AccessKind)[keyof typeof AccessKind];

const ACCESS_KINDS: readonly string[] = Object.values(AccessKind);

export function attributeOf(consent: StoredConsentResource | undefined, key: string): string | undefined {
  return consent?.attributes?.[key];
}

export function accessKindOf(consent: StoredConsentResource | undefined): AccessKind | undefined {
  const kind = attributeOf(consent, ConsentAttribute.AccessKind);
  return kind !== undefined && ACCESS_KINDS.includes(kind) ? (kind as AccessKind) : undefined;
}
