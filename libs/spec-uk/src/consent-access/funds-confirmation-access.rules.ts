import { createHash } from 'node:crypto';
import type { UsageCounterRepository } from '@app/persistence';
import { stringAt } from '../shared/json.js';
import { UkErrorCode, ukRejection } from '../shared/uk-error.js';
import { httpMethodOf, type AccessRules } from './access-request.js';
import { submissionData } from './submission-body.js';

/**
 * `POST /funds-confirmations` (§A.7) under an Authorised, unexpired consent (checked before), naming this consent, with
 * a Reference not used before under it (UK.OBIE.Rules.DuplicateReference). A resend of the same call is not a
 * duplicate.
 */
export function fundsConfirmationAccessRules(usage: UsageCounterRepository): AccessRules {
  return async (request) => {
    if (request.template !== '/funds-confirmations' || httpMethodOf(request) !== 'POST') {
      return ukRejection(
        403,
        UkErrorCode.ResourceConsentMismatch,
        `A funds-confirmation consent does not give access to ${request.template}`,
      );
    }
    const submission = submissionData(request);
    if ('rejection' in submission) {
      return submission.rejection;
    }
    const { data } = submission;
    const reference = stringAt(data, 'Reference');
    if (reference === undefined || reference === '') {
      return ukRejection(400, UkErrorCode.FieldMissing, 'Data.Reference is missing', 'Data.Reference');
    }
    const referenceKey = createHash('sha256').update(`${request.consentId}\n${reference}`).digest('hex');
    const result = await usage.consume(request.requestId, [
      { counterKey: `uk-cof-reference:${referenceKey}`, periodKey: 'consent', amount: 1, limit: 1 },
    ]);
    const outcome = result.outcome === 'replayed' ? result.previous.outcome : result.outcome;
    return outcome === 'accepted'
      ? undefined
      : ukRejection(
          400,
          UkErrorCode.RulesDuplicateReference,
          `Reference "${reference}" was already used under this consent`,
          'Data.Reference',
        );
  };
}
