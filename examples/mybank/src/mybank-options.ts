import type { SettingsReader } from '@consent-extensions/sdk';

/** The bank's own settings, read through the service's reader: same words, same messages, listed by `npm run config`. */
export interface MyBankOptions {
  /** MYBANK_BLOCKED_ACCOUNTS: accounts no TPP may read, whatever the consent says. */
  readonly blockedAccounts: readonly string[];
  /** MYBANK_SUPPORT_LINE: what the consent page tells the customer about getting help. */
  readonly supportLine: string;
  /** MYBANK_REFRESH_TOKENS: whether the bank issues refresh tokens at all. */
  readonly refreshTokens: boolean;
}

export const MYBANK_OPTIONS = Symbol('MYBANK_OPTIONS');

export function readMyBankOptions(settings: SettingsReader): MyBankOptions {
  return {
    blockedAccounts: settings.list('MYBANK_BLOCKED_ACCOUNTS', {
      default: [],
      description: 'Accounts no TPP may read, whatever the consent says.',
    }),
    supportLine: settings.text('MYBANK_SUPPORT_LINE', {
      default: 'Call MyBank on 0800 000 000',
      description: 'Help line shown on the consent page.',
    })!,
    refreshTokens: settings.boolean('MYBANK_REFRESH_TOKENS', {
      default: true,
      description: 'Issue refresh tokens at all.',
    }),
  };
}
