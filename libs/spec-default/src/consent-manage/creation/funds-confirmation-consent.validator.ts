import { hasKey, isJsonObject } from '../../shared/json.js';
import { accountIdentificationError } from './account-identification.rules.js';
import { parseDateTimeValue } from '../../shared/date-time.js';
import type { ConsentDataValidator } from './creation-validation.js';

/** Funds confirmation consents (contract §7.1 "Funds confirmation (COF)"). */
export const validateFundsConfirmationConsentData: ConsentDataValidator = (data, { nowMillis }) => {
  if (hasKey(data, 'ExpirationDateTime')) {
    const expiration = parseDateTimeValue(data['ExpirationDateTime']);
    if (expiration === undefined) {
      return 'ExpirationDateTime is invalid';
    }
    if (expiration <= nowMillis) {
      return 'ExpirationDateTime should be a future date';
    }
  }

  if (!hasKey(data, 'DebtorAccount')) {
    return 'Debtor Account should be present in the request';
  }
  const debtorAccount = data['DebtorAccount'];
  if (!isJsonObject(debtorAccount)) {
    return 'Debtor Account is not in correct format';
  }
  if (Object.keys(debtorAccount).length === 0) {
    return 'Mandatory field Debtor Account is missing';
  }
  return accountIdentificationError(debtorAccount, 'Debtor');
};
