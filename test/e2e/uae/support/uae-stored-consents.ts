import { randomUUID } from 'node:crypto';
import { isJsonRecord, type IdentityServerSimulator, type JsonRecord } from '@app/testing';

export const TPP = 'uae-journey-tpp';
export const CUSTOMER = 'psu@wso2.com';

export interface StoredUaeConsent {
  readonly isConsentId: string;
  readonly tppConsentId: string;
}

export interface StoredConsentOptions {
  readonly status?: string;
  /** Epoch seconds; defaults to a day from now. */
  readonly validityTime?: number;
  readonly accountIds?: readonly string[];
}

/**
 * A UAE consent as persist would have made it, put straight into the simulated identity server's database, so that
 * retrieval, revocation and access rules can be tested from any state.
 */
export function storeUaeConsent(
  simulator: IdentityServerSimulator,
  item: JsonRecord,
  options: StoredConsentOptions = {},
): StoredUaeConsent {
  const consentId = isJsonRecord(item['consent']) ? item['consent']['ConsentId'] : undefined;
  const tppConsentId = typeof consentId === 'string' ? consentId : randomUUID();
  const payment = String(item['type']).includes('service-initiation');
  const stored = simulator.store.createConsent(
    {
      type: payment ? 'payments' : 'accounts',
      status: options.status ?? 'Authorized',
      frequency: 0,
      validityTime: options.validityTime ?? Math.floor(Date.now() / 1000) + 86_400,
      recurringIndicator: !payment,
      receipt: item,
      attributes: { UaeConsentId: tppConsentId },
      authorizations: [
        {
          userId: CUSTOMER,
          type: 'authorisation',
          status: 'Authorized',
          resources: (options.accountIds ?? ['60161331926819']).map((accountId) => ({
            accountId,
            permission: 'primary',
            status: 'active',
          })),
        },
      ],
    },
    TPP,
  );
  return { isConsentId: stored.id, tppConsentId };
}
