import { ConsentStatus } from '../shared/consent-status.js';
import { isJsonObject, jsonEquals } from '../shared/json.js';
import { accessDenied, type AccessRules } from './access-check.js';

/** Payment consents, contract §7.5: the submission must repeat the consent's initiation exactly. */
export const paymentAccessRules: AccessRules = ({ consentId, consent, receiptData, request }) => {
  if (consentId === undefined || request.consentId !== consentId) {
    return accessDenied(400, 'Consent ID mismatch');
  }
  if (consent.status !== ConsentStatus.Authorised) {
    return accessDenied(400, 'Consent is not in the correct state');
  }
  const body = request.body;
  const submission = isJsonObject(body) ? body['Data'] : undefined;
  if (!isJsonObject(submission)) {
    return accessDenied(400, 'Invalid Submission payload Data Object found');
  }
  if (submission['ConsentId'] !== consentId) {
    return accessDenied(400, 'Invalid consent ID');
  }
  const initiation = submission['Initiation'];
  if (!isJsonObject(initiation)) {
    return accessDenied(400, 'Invalid Submission payload Initiation Object found');
  }
  if (!jsonEquals(initiation, receiptData['Initiation'])) {
    return accessDenied(400, 'Initiation payloads do not match');
  }
  return undefined;
};
