import { hasKey, isJsonObject, isString } from '../../shared/json.js';
import { accountIdentificationError, type AccountRole } from './account-identification.rules.js';
import type { ConsentDataValidator } from './creation-validation.js';

/** The local instruments the accelerator's default validator knows (`ConsentManageUtils.validateLocalInstrument`). */
const LOCAL_INSTRUMENTS: ReadonlySet<string> = new Set([
  'OB.BACS',
  'OB.BalanceTransfer',
  'OB.CHAPS',
  'OB.Euro1',
  'OB.FPS',
  'OB.Link',
  'OB.MoneyTransfer',
  'OB.Paym',
  'OB.SEPACreditTransfer',
  'OB.SEPAInstantCreditTransfer',
  'OB.SWIFT',
  'OB.Target2',
]);

/** A decimal number as `Double.parseDouble` reads it (surrounding whitespace allowed), without Java's NaN/hex forms. */
const DECIMAL_AMOUNT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const INVALID_AMOUNT = 'Invalid Instructed Amount value found';

/**
 * Payment consents (contract §7.1 "Payments"). Java throws (a 500) when `InstructedAmount` is missing, its `Amount` is
 * not a numeric string, or an account is not an object; those cases get a 400 with the matching message here.
 */
export const validatePaymentConsentData: ConsentDataValidator = (data, { maxInstructedAmount }) => {
  const initiation = data['Initiation'];
  if (!isJsonObject(initiation)) {
    return 'Invalid request payload';
  }

  if (hasKey(initiation, 'DebtorAccount')) {
    const debtorError = accountError(initiation['DebtorAccount'], 'Debtor');
    if (debtorError) {
      return debtorError;
    }
  }
  if (!hasKey(initiation, 'CreditorAccount')) {
    return 'Creditor account should be present in the request';
  }
  const creditorError = accountError(initiation['CreditorAccount'], 'Creditor');
  if (creditorError) {
    return creditorError;
  }

  if (hasKey(initiation, 'LocalInstrument')) {
    const localInstrument = initiation['LocalInstrument'];
    if (!isString(localInstrument) || !LOCAL_INSTRUMENTS.has(localInstrument)) {
      return 'Invalid Local Instrument value found';
    }
  }

  const instructedAmount = initiation['InstructedAmount'];
  const amountText = isJsonObject(instructedAmount) ? instructedAmount['Amount'] : undefined;
  if (!isString(amountText) || !DECIMAL_AMOUNT.test(amountText)) {
    return INVALID_AMOUNT;
  }
  const amount = Number(amountText);
  if (amount < 1) {
    return INVALID_AMOUNT;
  }
  if (amount > maxInstructedAmount) {
    return 'Instructed Amount value exceeds the maximum limit';
  }
  return undefined;
};

function accountError(account: unknown, role: AccountRole): string | undefined {
  return isJsonObject(account) ? accountIdentificationError(account, role) : `${role} Account is not in correct format`;
}
