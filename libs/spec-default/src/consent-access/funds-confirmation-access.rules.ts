import { ConsentStatus } from '../shared/consent-status.js';
import { isJsonObject } from '../shared/json.js';
import { accessDenied, hasExpired, type AccessRules } from './access-check.js';

const FUNDS_CONFIRMATION_RESOURCE = '/funds-confirmations';

/** Funds confirmation consents, contract §7.5. */
export const fundsConfirmationAccessRules: AccessRules = ({ consentId, consent, receiptData, request, nowMillis }) => {
  if (request.electedResource !== FUNDS_CONFIRMATION_RESOURCE) {
    return accessDenied(401, 'Invalid request URI');
  }
  if (consent.status !== ConsentStatus.Authorised) {
    return accessDenied(400, 'Consent is not in the correct state');
  }
  if (hasExpired(receiptData['ExpirationDateTime'], nowMillis)) {
    return accessDenied(401, 'Provided consent is expired');
  }
  if (consentId === undefined || request.consentId !== consentId) {
    return accessDenied(400, 'Consent ID mismatch');
  }
  const body = request.body;
  const bodyData = isJsonObject(body) ? body['Data'] : undefined;
  if (!isJsonObject(bodyData) || bodyData['ConsentId'] !== consentId) {
    return accessDenied(400, 'Invalid consent ID');
  }
  return undefined;
};
