import type { JsonObject } from '@app/contract';
import { instantOf } from '../../shared/date-time.js';
import { objectAt, stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

const PATH = 'Data.Authorisation';

/**
 * `Data.Authorisation` of a payment-order consent (OBAuthorisation1): "Date and time at which the requested
 * authorisation flow must be completed" — a CompletionDateTime already past can never be met.
 */
export function authorisationRejection(body: JsonObject, nowMillis: number): UkRejection | undefined {
  const completion = instantOf(objectAt(objectAt(body, 'Data'), 'Authorisation')?.['CompletionDateTime']);
  return completion !== undefined && completion <= nowMillis
    ? ukRejection(
        400,
        UkErrorCode.FieldInvalidDate,
        `${PATH}.CompletionDateTime must be in the future`,
        `${PATH}.CompletionDateTime`,
      )
    : undefined;
}

/**
 * "An ASPSP must reject the payment-order consent if the AuthorisationType requested by the PISP does not match the
 * DebtorAccount in the request": a Single authorisation of an account that needs several authorisers.
 */
export function singleAuthorisationMismatch(requiredAuthorisers: number): UkRejection | undefined {
  return requiredAuthorisers > 1
    ? ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `The DebtorAccount needs ${requiredAuthorisers} authorisers: AuthorisationType Single cannot be met`,
        `${PATH}.AuthorisationType`,
      )
    : undefined;
}

/**
 * The DebtorAccount whose authorisers decide whether a Single authorisation can be met: its identification when the
 * consent asks for a Single authorisation of a named DebtorAccount, else undefined (no account to look up at the bank).
 */
export function singleAuthorisationDebtor(body: JsonObject): string | undefined {
  const data = objectAt(body, 'Data');
  return stringAt(objectAt(data, 'Authorisation'), 'AuthorisationType') === 'Single'
    ? stringAt(objectAt(objectAt(data, 'Initiation'), 'DebtorAccount'), 'Identification')
    : undefined;
}
