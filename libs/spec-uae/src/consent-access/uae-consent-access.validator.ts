import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentAccessValidator,
  succeed,
  type ConsentAccessRequest,
  type OutcomeOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { tppConsentIdOf } from '../shared/consent-attributes.js';
import { isForeignConsent, NOT_A_CONSENT_OF_THIS_TPP } from '../shared/consent-ownership.js';
import { UaeConsentStatus } from '../shared/consent-status.js';
import { objectAt, stringArrayAt, stringAt } from '../shared/json.js';
import { effectiveStatus } from '../consent-manage/stored-consent-status.js';
import { isServiceInitiation } from '../consent-manage/uae-consent-response-body.js';
import { UAE_SPEC_CLOCK } from '../uae-spec.tokens.js';
import { accessFailure } from './access-failure.js';
import { accountIdInPath, permissionsFor } from './account-resources.js';
import { versionMismatch } from './api-version.js';
import { PaymentSubmissionHandler } from './payment-submission.handler.js';
import { bookingWindowProblem, statementWindowProblem, type FilterProblem } from './query-filter.rules.js';

type AccessOutcome = OutcomeOf<'validate-consent-access'>;

const PAYMENT_RESOURCES = /^\/payments(\/\{[^}]+\})?\/?$/;

/** The resources whose query filters have rules, with those rules. */
const FILTERED_RESOURCES: ReadonlyArray<
  readonly [RegExp, (parameters: Readonly<Record<string, string>>, now: number) => FilterProblem | undefined]
> = [
  [/^\/accounts\/\{[^}]+\}\/transactions$/, bookingWindowProblem],
  [/^\/accounts\/\{[^}]+\}\/statements$/, statementWindowProblem],
];

function activeAccountIds(resource: StoredConsentResource): Set<string> {
  return new Set(
    (resource.authorizations ?? [])
      .filter((authorization) => authorization.status === UaeConsentStatus.Authorized)
      .flatMap((authorization) => authorization.resources ?? [])
      .filter((mapping) => mapping.status === 'active' && mapping.accountId !== undefined)
      .map((mapping) => mapping.accountId as string),
  );
}

/**
 * validate-consent-access (contract §4.11), on every TPP API call: only the consent's own TPP (another TPP's token gets
 * the answer of an unknown consent, 400 Consent.Invalid); only an Authorized, unexpired consent serves (Suspended is
 * 403 Consent.AccountTemporarilyBlocked, spec-rules §C.4), under the API version of its type; data calls need a
 * permission for the resource, an account of the consent (a payment consent's optional Permissions included) and date
 * filters that can be met; a payment must match its consent and fit its control parameters, which are counted in the
 * database across instances.
 */
@Injectable()
export class UaeConsentAccessValidator extends ConsentAccessValidator {
  constructor(
    private readonly payments: PaymentSubmissionHandler,
    @Inject(UAE_SPEC_CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async handle(data: ConsentAccessRequest): Promise<AccessOutcome> {
    const resource = data.consentResource;
    const payload = data.dataRequestPayload ?? {};
    // A token of another TPP never opens this consent (the identity server checks it too, contract §4.11).
    if (isForeignConsent(payload.clientId, resource)) {
      return accessFailure(400, NOT_A_CONSENT_OF_THIS_TPP.code, NOT_A_CONSENT_OF_THIS_TPP.message);
    }
    const consentId = tppConsentIdOf(resource);
    const status = resource === undefined ? undefined : effectiveStatus(resource, this.clock);
    const consent = objectAt(resource?.receipt, 'consent');
    if (resource === undefined || consent === undefined || consentId === undefined || status === undefined) {
      return accessFailure(
        403,
        'Consent.PermanentAccountAccessFailure',
        'The access token is not bound to a UAE consent',
      );
    }
    const electedResource = payload.electedResource ?? '';
    const payment = isServiceInitiation(resource);
    const statusRefusal = this.statusRefusal(status, payment);
    if (statusRefusal !== undefined) {
      return statusRefusal;
    }
    // resourceParams is typed as strings, but the schema lets any JSON value through: only a string is a path.
    const requestPath = stringAt(payload.resourceParams, 'resource') ?? '';
    const mismatch = versionMismatch(requestPath, stringAt(resource.receipt, 'type'));
    if (mismatch !== undefined) {
      return accessFailure(403, 'AccessToken.InvalidScope', mismatch);
    }
    if (payment && PAYMENT_RESOURCES.test(electedResource)) {
      const method = (stringAt(payload.resourceParams, 'httpMethod') ?? '').toUpperCase();
      return method === 'POST' ? this.payments.submit(resource.clientId, consent, consentId, payload) : succeed({});
    }
    // A payment consent's Permissions (e.g. ReadBalances) open the data of its debtor account, like data sharing.
    const needed = permissionsFor(electedResource);
    const granted = stringArrayAt(consent, 'Permissions') ?? [];
    if (needed === undefined || !needed.some((permission) => granted.includes(permission))) {
      return accessFailure(
        403,
        'AccessToken.InvalidScope',
        `The consent's permissions do not cover ${electedResource}`,
      );
    }
    const accountId = accountIdInPath(requestPath);
    if (accountId !== undefined && !activeAccountIds(resource).has(accountId)) {
      return accessFailure(
        403,
        'Consent.PermanentAccountAccessFailure',
        `Account ${accountId} is not an account of this consent`,
      );
    }
    const filterRule = FILTERED_RESOURCES.find(([pattern]) => pattern.test(electedResource))?.[1];
    const filterProblem = filterRule?.(payload.resourceParams ?? {}, this.clock.now());
    return filterProblem === undefined
      ? succeed({})
      : accessFailure(400, 'Resource.InvalidFormat', filterProblem.message);
  }

  private statusRefusal(status: UaeConsentStatus, payment: boolean): AccessOutcome | undefined {
    switch (status) {
      case UaeConsentStatus.Authorized:
        return undefined;
      case UaeConsentStatus.Suspended:
        return accessFailure(403, 'Consent.AccountTemporarilyBlocked', 'The consent is suspended by the bank');
      case UaeConsentStatus.AwaitingAuthorization:
        return accessFailure(403, 'Consent.TransientAccountAccessFailure', 'The consent is not authorised yet');
      case UaeConsentStatus.Consumed:
        return payment
          ? accessFailure(400, 'Consent.BusinessRuleViolation', 'The consent has been consumed')
          : accessFailure(403, 'Consent.PermanentAccountAccessFailure', 'The consent is Consumed');
      case UaeConsentStatus.Rejected:
      case UaeConsentStatus.Revoked:
      case UaeConsentStatus.Expired:
        return accessFailure(403, 'Consent.PermanentAccountAccessFailure', `The consent is ${status}`);
    }
  }
}
