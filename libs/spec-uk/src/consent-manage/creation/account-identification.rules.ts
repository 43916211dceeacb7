import { isValidIban } from '@app/persistence';
import type { JsonObject } from '@app/contract';
import { stringAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

/** `OBExternalAccountIdentification4Code` (an `x-namespaced-enum`, which the schema validation does not enforce). */
export const ACCOUNT_SCHEMES = [
  'UK.OBIE.BBAN',
  'UK.OBIE.IBAN',
  'UK.OBIE.PAN',
  'UK.OBIE.Paym',
  'UK.OBIE.SortCodeAccountNumber',
  'UK.OBIE.Wallet',
] as const;

const SORT_CODE_ACCOUNT_NUMBER = /^[0-9]{6}[0-9]{8}$/;

/**
 * The scheme and identification of a debtor or creditor account (§A.6): an unknown scheme is Unsupported.Scheme, a
 * sort code and account number that is not 14 digits or an IBAN with a bad checksum Unsupported.AccountIdentifier.
 */
export function accountIdentificationRejection(account: JsonObject, path: string): UkRejection | undefined {
  const scheme = stringAt(account, 'SchemeName') ?? '';
  const identification = stringAt(account, 'Identification') ?? '';
  if (!(ACCOUNT_SCHEMES as readonly string[]).includes(scheme)) {
    return ukRejection(
      400,
      UkErrorCode.UnsupportedScheme,
      `${path}.SchemeName "${scheme}" is not supported (accepted: ${ACCOUNT_SCHEMES.join(', ')})`,
      `${path}.SchemeName`,
    );
  }
  if (scheme === 'UK.OBIE.SortCodeAccountNumber' && !SORT_CODE_ACCOUNT_NUMBER.test(identification)) {
    return ukRejection(
      400,
      UkErrorCode.UnsupportedAccountIdentifier,
      `${path}.Identification must be a 6-digit sort code and an 8-digit account number`,
      `${path}.Identification`,
    );
  }
  if (scheme === 'UK.OBIE.IBAN' && !isValidIban(identification)) {
    return ukRejection(
      400,
      UkErrorCode.UnsupportedAccountIdentifier,
      `${path}.Identification is not a valid IBAN`,
      `${path}.Identification`,
    );
  }
  return undefined;
}
