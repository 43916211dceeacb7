import type { JsonObject } from '@app/contract';
import { scaledAmount } from '../../shared/amount.js';
import { stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

/** An amount must be above zero (IMPL, as ForgeRock: the schema allows "0"). */
export function positiveAmountRejection(amountText: unknown, path: string): UkRejection | undefined {
  const amount = scaledAmount(amountText);
  return amount === undefined || amount <= 0n
    ? ukRejection(400, UkErrorCode.FieldInvalid, `${path} must be greater than 0`, path)
    : undefined;
}

/** A well-formed currency the bank does not handle is Unsupported.Currency (§A.6; a malformed one fails the schema). */
export function supportedCurrencyRejection(
  currency: unknown,
  path: string,
  supported: readonly string[],
): UkRejection | undefined {
  return typeof currency === 'string' && supported.includes(currency)
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.UnsupportedCurrency,
        `${path} "${String(currency)}" is not supported (accepted: ${supported.join(', ')})`,
        path,
      );
}

/** `{Amount, Currency}` (OBActiveOrHistoricCurrencyAndAmount): above zero, in a supported currency. */
export function currencyAmountRejection(
  value: JsonObject | undefined,
  path: string,
  supported: readonly string[],
): UkRejection | undefined {
  if (value === undefined) {
    return undefined;
  }
  return (
    positiveAmountRejection(value['Amount'], `${path}.Amount`) ??
    supportedCurrencyRejection(stringAt(value, 'Currency'), `${path}.Currency`, supported)
  );
}
