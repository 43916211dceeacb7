import type { JsonObject } from '@app/contract';
import type { BerlinSpecOptions } from '../../berlin-spec.options.js';
import { readAccountReference } from '../../shared/account-reference.js';
import { AUTHORISATION_TYPE, ConsentStatus, ScaStatus } from '../../shared/consent-status.js';
import { BerlinConsentType } from '../../shared/consent-type.js';
import { parseIsoDate } from '../../shared/iso-date.js';
import { berlinError, type BerlinError } from '../../shared/tpp-messages.js';
import type { CreationOutcome } from './ais-consent.rules.js';

/*
 * POST /v1/consents/confirmation-of-funds (PIIS). psd2-api 1.3.12 has no schema for this body, so its fields are
 * checked here: `account` (required account reference), `cardNumber` ≤35, `cardExpiryDate` (date),
 * `cardInformation` ≤140, `registrationInformation` ≤140.
 */

const TEXT_LIMITS: Readonly<Record<string, number>> = {
  cardNumber: 35,
  cardInformation: 140,
  registrationInformation: 140,
};
const FIELDS = new Set(['account', 'cardNumber', 'cardExpiryDate', 'cardInformation', 'registrationInformation']);

const formatError = (text: string, path: string): BerlinError => berlinError(400, 'FORMAT_ERROR', text, path);

export function checkFundsConfirmationConsent(body: JsonObject, options: BerlinSpecOptions): CreationOutcome {
  const undeclared = Object.keys(body).find((key) => !FIELDS.has(key));
  if (undeclared !== undefined) {
    return { error: formatError(`The field '${undeclared}' is not expected in the request`, undeclared) };
  }
  if (body['account'] === undefined || body['account'] === null) {
    return { error: formatError("Value 'account' should not be null", 'account') };
  }
  const account = readAccountReference(body['account'], 'account', options);
  if ('error' in account) {
    return account;
  }
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = body[field];
    if (value !== undefined && (typeof value !== 'string' || value.length > limit)) {
      return { error: formatError(`Value '${field}' should be a text of at most ${limit} characters`, field) };
    }
  }
  if (body['cardExpiryDate'] !== undefined && parseIsoDate(body['cardExpiryDate']) === undefined) {
    return { error: formatError("Wrong format for 'cardExpiryDate': use an ISO date YYYY-MM-DD", 'cardExpiryDate') };
  }
  return {
    resource: {
      type: BerlinConsentType.FundsConfirmations,
      status: ConsentStatus.Received,
      frequency: 0,
      validityTime: 0,
      recurringIndicator: true,
      receipt: body,
      attributes: {},
      authorizations: [{ type: AUTHORISATION_TYPE, status: ScaStatus.Received, resources: [] }],
    },
  };
}
