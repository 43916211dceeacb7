import { objectAt } from '../../shared/json.js';
import { accountIdentificationRejection } from './account-identification.rules.js';
import { futureExpiration } from './account-access.rules.js';
import { firstRejection, type BodyRules } from './rule-context.js';

/** OBFundsConfirmationConsent1 beyond its schema (§A.7): a future expiry and a usable debtor account. */
export const fundsConfirmationRules: BodyRules = (body, { nowMillis }) => {
  const data = objectAt(body, 'Data');
  const debtor = objectAt(data, 'DebtorAccount');
  return firstRejection([
    () => futureExpiration(data?.['ExpirationDateTime'], 'Data.ExpirationDateTime', nowMillis),
    () => (debtor === undefined ? undefined : accountIdentificationRejection(debtor, 'Data.DebtorAccount')),
  ]);
};
