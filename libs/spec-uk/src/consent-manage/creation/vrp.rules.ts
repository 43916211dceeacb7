import type { JsonObject } from '@app/contract';
import { instantOf } from '../../shared/date-time.js';
import { isJsonObject, objectAt, stringAt, stringsAt } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';
import { accountIdentificationRejection } from './account-identification.rules.js';
import { currencyAmountRejection } from './amount.rules.js';
import { firstRejection, type BodyRules } from './rule-context.js';

/** `OBVRPConsentType` and `OBVRPAuthenticationMethods` (namespaced enums the schema validation does not enforce). */
export const VRP_TYPES = ['UK.OBIE.VRPType.Sweeping', 'UK.OBIE.VRPType.Other'] as const;
export const VRP_AUTHENTICATION_METHODS = ['UK.OBIE.SCA', 'UK.OBIE.SCANotRequired'] as const;

const CONTROL = 'Data.ControlParameters';

function allKnown(values: readonly string[], known: readonly string[], path: string): UkRejection | undefined {
  const unknown = values.find((value) => !known.includes(value));
  return unknown === undefined
    ? undefined
    : ukRejection(400, UkErrorCode.FieldInvalid, `${path} value "${unknown}" is not one of ${known.join(', ')}`, path);
}

/**
 * "As the ISO calendar does not support or provide any guidance on when a fortnight should start, hence for a
 * `PeriodType` of `Fortnight` the `PeriodAlignment` must be `Consent`" (OBDomesticVRPControlParameters, v3.1.11). It
 * is the only combination the page constrains: every other PeriodType may be aligned to the consent or the calendar.
 */
const REQUIRED_ALIGNMENT: Readonly<Record<string, string>> = { Fortnight: 'Consent' };

function periodAlignmentRejection(limit: JsonObject, path: string): UkRejection | undefined {
  const periodType = stringAt(limit, 'PeriodType') ?? '';
  const required = REQUIRED_ALIGNMENT[periodType];
  return required === undefined || stringAt(limit, 'PeriodAlignment') === required
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `A PeriodType of ${periodType} requires the PeriodAlignment ${required}`,
        `${path}.PeriodAlignment`,
      );
}

/**
 * The periodic limits (OBDomesticVRPControlParameters.PeriodicLimits): each above zero, in the currency of
 * MaximumIndividualAmount (one currency per consent, or the limits could not be added up), aligned as its PeriodType
 * allows, and one limit per PeriodType and PeriodAlignment (two would contradict each other).
 */
function periodicLimitsRejection(
  control: JsonObject | undefined,
  supported: readonly string[],
): UkRejection | undefined {
  const limits = Array.isArray(control?.['PeriodicLimits'])
    ? (control['PeriodicLimits'] as unknown[]).filter(isJsonObject)
    : [];
  const currency = stringAt(objectAt(control, 'MaximumIndividualAmount'), 'Currency');
  const seen = new Set<string>();
  for (const [index, limit] of limits.entries()) {
    const path = `${CONTROL}.PeriodicLimits[${index}]`;
    const rejection = currencyAmountRejection(limit, path, supported);
    if (rejection !== undefined) {
      return rejection;
    }
    if (stringAt(limit, 'Currency') !== currency) {
      return ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `${path}.Currency must be the currency of MaximumIndividualAmount`,
        `${path}.Currency`,
      );
    }
    const misaligned = periodAlignmentRejection(limit, path);
    if (misaligned !== undefined) {
      return misaligned;
    }
    const period = `${stringAt(limit, 'PeriodType')}/${stringAt(limit, 'PeriodAlignment')}`;
    if (seen.has(period)) {
      return ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `${path} repeats the limit of PeriodType and PeriodAlignment ${period}`,
        path,
      );
    }
    seen.add(period);
  }
  return undefined;
}

/**
 * "The ASPSP must reject a consent request that has `Data.ControlParameters.SupplementaryData` that it cannot
 * process" (POST /domestic-vrp-consents, v3.1.11). This module gives no meaning to any supplementary field, so only an
 * empty object is accepted; the keys are listed sorted, the same for every copy of the request.
 */
function supplementaryDataRejection(control: JsonObject | undefined): UkRejection | undefined {
  const supplementary = objectAt(control, 'SupplementaryData');
  const keys = supplementary === undefined ? [] : Object.keys(supplementary).sort();
  return keys.length === 0
    ? undefined
    : ukRejection(
        400,
        UkErrorCode.FieldInvalid,
        `The bank cannot process SupplementaryData (${keys.join(', ')})`,
        `${CONTROL}.SupplementaryData`,
      );
}

/** OBDomesticVRPConsentRequest beyond its schema: control parameters that can be enforced, and usable accounts. */
export const vrpRules: BodyRules = (body, { nowMillis, options }) => {
  const data = objectAt(body, 'Data');
  const control = objectAt(data, 'ControlParameters');
  const initiation = objectAt(data, 'Initiation');
  const validFrom = instantOf(control?.['ValidFromDateTime']);
  const validTo = instantOf(control?.['ValidToDateTime']);
  const debtor = objectAt(initiation, 'DebtorAccount');
  const creditor = objectAt(initiation, 'CreditorAccount');
  return firstRejection([
    () => allKnown(stringsAt(control, 'VRPType'), VRP_TYPES, `${CONTROL}.VRPType`),
    () =>
      allKnown(
        stringsAt(control, 'PSUAuthenticationMethods'),
        VRP_AUTHENTICATION_METHODS,
        `${CONTROL}.PSUAuthenticationMethods`,
      ),
    () =>
      currencyAmountRejection(
        objectAt(control, 'MaximumIndividualAmount'),
        `${CONTROL}.MaximumIndividualAmount`,
        options.supportedCurrencies,
      ),
    () => periodicLimitsRejection(control, options.supportedCurrencies),
    () => supplementaryDataRejection(control),
    () =>
      validTo !== undefined && validTo <= nowMillis
        ? ukRejection(
            400,
            UkErrorCode.FieldInvalidDate,
            `${CONTROL}.ValidToDateTime must be in the future`,
            `${CONTROL}.ValidToDateTime`,
          )
        : undefined,
    () =>
      validFrom !== undefined && validTo !== undefined && validTo <= validFrom
        ? ukRejection(
            400,
            UkErrorCode.FieldInvalidDate,
            `${CONTROL}.ValidToDateTime must be after ValidFromDateTime`,
            `${CONTROL}.ValidToDateTime`,
          )
        : undefined,
    () => (debtor === undefined ? undefined : accountIdentificationRejection(debtor, 'Data.Initiation.DebtorAccount')),
    () =>
      creditor === undefined ? undefined : accountIdentificationRejection(creditor, 'Data.Initiation.CreditorAccount'),
  ]);
};
