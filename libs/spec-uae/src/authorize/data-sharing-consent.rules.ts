import type { JsonObject } from '@app/contract';
import { parseDate } from '../shared/date-time.js';
import { objectAt, stringArrayAt, stringAt } from '../shared/json.js';
import type { ConsentProblem } from '../shared/uae-error.js';
import type { UaeSpecOptions } from '../uae-spec.options.js';
import { expirationProblem } from './expiration.rules.js';

/** The permissions that need ReadAccountsBasic or ReadAccountsDetail beside them (API Hub, spec-rules §C.2). */
export const PERMISSIONS_NEEDING_ACCOUNTS = [
  'ReadBalances',
  'ReadBeneficiariesBasic',
  'ReadBeneficiariesDetail',
  'ReadTransactionsBasic',
  'ReadTransactionsDetail',
  'ReadProduct',
  'ReadScheduledPaymentsBasic',
  'ReadScheduledPaymentsDetail',
  'ReadDirectDebits',
  'ReadStandingOrdersBasic',
  'ReadStandingOrdersDetail',
  'ReadStatements',
  'ReadProductFinanceRates',
];

const ACCOUNTS_PERMISSIONS = ['ReadAccountsBasic', 'ReadAccountsDetail'];

/** The dependency rule: the first permission that needs an accounts permission when none is present. */
export function permissionDependencyProblem(
  permissions: readonly string[],
  needing: readonly string[],
  path: string,
): ConsentProblem | undefined {
  if (permissions.some((permission) => ACCOUNTS_PERMISSIONS.includes(permission))) {
    return undefined;
  }
  const dependent = permissions.find((permission) => needing.includes(permission));
  return dependent === undefined
    ? undefined
    : {
        code: 'Consent.BusinessRuleViolation',
        message: `${dependent} requires ReadAccountsBasic or ReadAccountsDetail`,
        path: `${path}.Permissions`,
      };
}

/**
 * The rules of a bank data sharing consent beyond its schema (spec-rules §C.2), in a fixed order so that the same
 * consent always gives the same first problem.
 */
export function dataSharingConsentProblem(
  item: JsonObject,
  now: number,
  options: UaeSpecOptions,
  path: string,
): ConsentProblem | undefined {
  const consentPath = `${path}.consent`;
  const consent = objectAt(item, 'consent') ?? {};
  const permissions = stringArrayAt(consent, 'Permissions') ?? [];
  const problem =
    permissionDependencyProblem(permissions, PERMISSIONS_NEEDING_ACCOUNTS, consentPath) ??
    expirationProblem(consent, now, consentPath);
  if (problem !== undefined) {
    return problem;
  }
  const fromDate = parseDate(consent['FromDate']);
  const toDate = parseDate(consent['ToDate']);
  if (fromDate !== undefined && toDate !== undefined && fromDate > toDate) {
    return {
      code: 'Consent.BusinessRuleViolation',
      message: 'FromDate must not be after ToDate',
      path: `${consentPath}.FromDate`,
    };
  }
  const accountType = (stringArrayAt(consent, 'AccountType') ?? []).find(
    (type) => !options.supportedAccountTypes.includes(type),
  );
  if (accountType !== undefined) {
    return {
      code: 'Consent.BusinessRuleViolation',
      message: `AccountType ${accountType} is not supported by this bank`,
      path: `${consentPath}.AccountType`,
    };
  }
  const subType = (stringArrayAt(consent, 'AccountSubType') ?? []).find(
    (type) => !options.supportedAccountSubTypes.includes(type),
  );
  if (subType !== undefined) {
    return {
      code: 'Consent.BusinessRuleViolation',
      message: `AccountSubType ${subType} is not supported by this bank`,
      path: `${consentPath}.AccountSubType`,
    };
  }
  return webhookProblem(item, path);
}

/** subscription.Webhook.Url must be HTTPS (AEWebhook's pattern; the RAR schema leaves it free). */
export function webhookProblem(item: JsonObject, path: string): ConsentProblem | undefined {
  const url = stringAt(objectAt(objectAt(item, 'subscription'), 'Webhook'), 'Url');
  return url !== undefined && !/^https:\/\/.+/.test(url)
    ? {
        code: 'Consent.BusinessRuleViolation',
        message: 'subscription.Webhook.Url must be an HTTPS URL',
        path: `${path}.subscription.Webhook.Url`,
      }
    : undefined;
}
