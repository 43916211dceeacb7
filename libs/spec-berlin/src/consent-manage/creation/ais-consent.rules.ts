import type { JsonObject, NewConsentResource } from '@app/contract';
import type { BerlinSpecOptions } from '../../berlin-spec.options.js';
import { readAccountReference, referenceKey } from '../../shared/account-reference.js';
import { BodySchema, type BerlinSchemas } from '../../shared/berlin-schemas.js';
import { AccessKind, ConsentAttribute } from '../../shared/consent-attributes.js';
import { AUTHORISATION_TYPE, ConsentStatus, ScaStatus } from '../../shared/consent-status.js';
import { BerlinConsentType } from '../../shared/consent-type.js';
import { formatIsoDate, parseIsoDate, validityTimeOf } from '../../shared/iso-date.js';
import { isJsonObject } from '../../shared/json.js';
import { schemaViolationError } from '../../shared/schema-violation-error.js';
import { berlinError, type BerlinError } from '../../shared/tpp-messages.js';
import { ACCOUNT_ARRAYS, additionalInformationError, oneOffFrequencyError } from './ais-consent-coherence.rules.js';

/* POST /v1/consents (§B.3, cases BG-05 to BG-19): the official schema first, then the business rules, in that order. */

export const FAR_FUTURE_VALID_UNTIL = '9999-12-31';
const LIST_FLAGS = ['availableAccounts', 'availableAccountsWithBalance', 'allPsd2'] as const;

export interface AisConsentContext {
  readonly body: JsonObject;
  readonly options: BerlinSpecOptions;
  readonly schemas: BerlinSchemas;
  /** Days since the epoch, today (UTC). */
  readonly today: number;
}

export type CreationOutcome = { readonly resource: NewConsentResource } | { readonly error: BerlinError };

const formatError = (text: string, path: string): { error: BerlinError } => ({
  error: berlinError(400, 'FORMAT_ERROR', text, path),
});
const serviceInvalid = (text: string, path: string): { error: BerlinError } => ({
  error: berlinError(400, 'SERVICE_INVALID', text, path),
});

export function checkAisConsent(context: AisConsentContext): CreationOutcome {
  const { body, schemas, options } = context;
  const violation = schemas.check(BodySchema.Consent, body);
  if (violation !== undefined) {
    return { error: schemaViolationError(violation) };
  }
  const undeclared = schemas.undeclaredField(BodySchema.Consent, body);
  if (undeclared !== undefined) {
    return formatError(`The field '${undeclared}' is not expected in the request`, undeclared);
  }
  const access = body['access'] as JsonObject;
  const undeclaredAccess = schemas.undeclaredField('accountAccess', access);
  if (undeclaredAccess !== undefined) {
    return formatError(`The field '${undeclaredAccess}' is not expected in the request`, `access.${undeclaredAccess}`);
  }
  const kind = accessKindOf(access, options);
  if ('error' in kind) {
    return kind;
  }
  const incoherent = additionalInformationError(access);
  if (incoherent !== undefined) {
    return { error: incoherent };
  }
  const references = accountReferencesError(access, options);
  if (references !== undefined) {
    return { error: references };
  }
  const validity = validUntilOf(body['validUntil'], context);
  if ('error' in validity) {
    return validity;
  }
  const oneOff = oneOffFrequencyError(body);
  if (oneOff !== undefined) {
    return { error: oneOff };
  }
  const listOnly = kind.kind === AccessKind.AvailableAccounts || kind.kind === AccessKind.AvailableAccountsWithBalance;
  if (listOnly && options.availableAccountsOneOff && body['recurringIndicator'] === true) {
    return formatError(
      'A consent on the list of available accounts is one-off: recurringIndicator must be false',
      'recurringIndicator',
    );
  }
  if (body['combinedServiceIndicator'] === true && !options.combinedServiceSessions) {
    return {
      error: berlinError(
        400,
        'SESSIONS_NOT_SUPPORTED',
        'Combined service sessions are not supported by the ASPSP',
        'combinedServiceIndicator',
      ),
    };
  }
  const frequency = Math.min(body['frequencyPerDay'] as number, options.maxFrequencyPerDay);
  return {
    resource: {
      type: BerlinConsentType.Accounts,
      status: ConsentStatus.Received,
      frequency,
      validityTime: validityTimeOf(validity.lastDay),
      recurringIndicator: body['recurringIndicator'] as boolean,
      receipt: body,
      attributes: {
        [ConsentAttribute.ValidUntil]: formatIsoDate(validity.lastDay),
        [ConsentAttribute.AccessKind]: kind.kind,
      },
      authorizations: [{ type: AUTHORISATION_TYPE, status: ScaStatus.Received, resources: [] }],
    },
  };
}

/** Which of the four consent models the `access` object asks for (§B.3), refusing mixes and unsupported models. */
function accessKindOf(
  access: JsonObject,
  options: BerlinSpecOptions,
): { readonly kind: AccessKind } | { readonly error: BerlinError } {
  const arrays = ACCOUNT_ARRAYS.filter((key) => access[key] !== undefined);
  const flags = LIST_FLAGS.filter((key) => access[key] !== undefined);
  if (arrays.length > 0 && flags.length > 0) {
    return formatError(
      'Consent object can not contain both list of accounts and the flag allPsd2 or availableAccounts',
      'access',
    );
  }
  if (access['allPsd2'] !== undefined) {
    if (flags.length > 1) {
      return formatError('Consent object can not contain both the flag allPsd2 and availableAccounts', 'access');
    }
    return options.globalConsent
      ? { kind: AccessKind.Global }
      : serviceInvalid('Global Consent is not supported by ASPSP', 'access.allPsd2');
  }
  if (flags.length > 0) {
    if (!options.availableAccountsConsent) {
      return serviceInvalid(
        'Consent on the list of available accounts is not supported by ASPSP',
        `access.${flags[0]}`,
      );
    }
    return {
      kind:
        access['availableAccountsWithBalance'] !== undefined
          ? AccessKind.AvailableAccountsWithBalance
          : AccessKind.AvailableAccounts,
    };
  }
  if (arrays.length === 0) {
    return formatError(
      "Value 'access' should contain accounts, balances, transactions, availableAccounts or allPsd2",
      'access',
    );
  }
  const empty = arrays.filter((key) => (access[key] as unknown[]).length === 0);
  if (empty.length === 0) {
    return { kind: AccessKind.Dedicated };
  }
  if (empty.length !== arrays.length) {
    return formatError(
      'Account arrays must be all empty (bank-offered consent) or all list accounts',
      `access.${empty[0]}`,
    );
  }
  if (!options.bankOfferedConsent) {
    return serviceInvalid('Bank-offered consent is not supported by ASPSP', 'access');
  }
  if (options.scaApproach === 'EMBEDDED') {
    return serviceInvalid('Bank-offered consent is not supported with the Embedded SCA approach', 'access');
  }
  return { kind: AccessKind.BankOffered };
}

/** Every account reference well formed; restrictedTo and additionalInformation consistent with the named accounts. */
function accountReferencesError(access: JsonObject, options: BerlinSpecOptions): BerlinError | undefined {
  const named = new Set<string>();
  for (const key of ACCOUNT_ARRAYS) {
    const references = Array.isArray(access[key]) ? (access[key] as unknown[]) : [];
    for (const [index, value] of references.entries()) {
      const reading = readAccountReference(value, `access.${key}[${index}]`, options);
      if ('error' in reading) {
        return reading.error;
      }
      named.add(referenceKey(reading.reference));
    }
  }
  if (access['restrictedTo'] !== undefined && named.size > 0) {
    return berlinError(
      400,
      'FORMAT_ERROR',
      'restrictedTo is only allowed when accounts, balances and transactions are absent or empty',
      'access.restrictedTo',
    );
  }
  const additional = isJsonObject(access['additionalInformation']) ? access['additionalInformation'] : {};
  for (const key of ['ownerName', 'trustedBeneficiaries']) {
    const references = Array.isArray(additional[key]) ? (additional[key] as unknown[]) : [];
    for (const [index, value] of references.entries()) {
      const path = `access.additionalInformation.${key}[${index}]`;
      const reading = readAccountReference(value, path, options);
      if ('error' in reading) {
        return reading.error;
      }
      if (!named.has(referenceKey(reading.reference))) {
        return berlinError(
          400,
          'SERVICE_INVALID',
          `${key} names an account that is not in accounts, balances or transactions`,
          path,
        );
      }
    }
  }
  return undefined;
}

/** `validUntil`: a real date, not in the past, shortened to the ASPSP's maximum (9999-12-31 asks for the maximum). */
function validUntilOf(
  value: unknown,
  context: AisConsentContext,
): { readonly lastDay: number } | { readonly error: BerlinError } {
  const requested = parseIsoDate(value);
  if (requested === undefined) {
    return formatError("Wrong format for 'validUntil': use an ISO date YYYY-MM-DD", 'validUntil');
  }
  if (requested < context.today) {
    return formatError("Value 'validUntil' should not be in the past", 'validUntil');
  }
  return { lastDay: Math.min(requested, context.today + context.options.maxConsentValidityDays) };
}
