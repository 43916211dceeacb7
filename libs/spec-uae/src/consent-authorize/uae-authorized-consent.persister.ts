import { Injectable } from '@nestjs/common';
import { BankBackend, type BankAccountView } from '@app/bank-backend';
import {
  AuthorizedConsentPersister,
  succeed,
  type AccountMapping,
  type ConsentPersistRequest,
  type ExtensionContext,
  type OutcomeOf,
} from '@app/contract';
import type { UaeConsentRequest } from '../authorize/uae-consent-request.js';
import { DOMESTIC_CURRENCY } from '../authorize/service-initiation-consent.rules.js';
import { newUaeConsentResource } from '../consent-manage/new-uae-consent-resource.js';
import { UaeConsentRegistry } from '../registry/uae-consent-registry.js';
import { UaeConsentStatus } from '../shared/consent-status.js';
import { isJsonObject } from '../shared/json.js';
import { describeProblem } from '../shared/uae-error.js';
import { authorizeFailure } from './authorize-failure.js';
import { ConsentSourceReader } from './consent-source.js';

const AUTHORISATION_TYPE = 'authorisation';
const PRIMARY_PERMISSION = 'primary';

/** The accounts the customer chose, once each (the identity server may repeat them), ids only. */
function chosenAccountIds(data: ConsentPersistRequest): string[] {
  const ids = (data.userGrantedData?.authorizedResources?.authorizedData ?? [])
    .flatMap((entry) => entry.accounts ?? [])
    .map((account) => (isJsonObject(account) ? account.accountId : undefined))
    .filter((id): id is string => typeof id === 'string' && id !== '' && id !== 'n/a');
  return [...new Set(ids)];
}

function isApproved(data: ConsentPersistRequest): boolean {
  if (typeof data.isApproved === 'boolean') {
    return data.isApproved;
  }
  const approval = data.userGrantedData?.authorizedResources?.approval;
  return approval === true || approval === 'true';
}

/** An enabled, payable dirham account: the only kind a domestic UAE payment may debit. */
function canPayDomestically(account: BankAccountView | null): boolean {
  return account !== null && account.status === 'Enabled' && account.payable && account.currency === DOMESTIC_CURRENCY;
}

/** A payment needing further authorisers stays AwaitingAuthorization (spec-rules §C.3 IsSingleAuthorization). */
function approvedStatus(request: UaeConsentRequest): UaeConsentStatus {
  return request.consent['IsSingleAuthorization'] === false
    ? UaeConsentStatus.AwaitingAuthorization
    : UaeConsentStatus.Authorized;
}

/**
 * persist-authorized-consent (contract §4.10). In the PAR flow this creates the consent: the five scalars a new
 * consent needs, the `authorization_details` item as the receipt, the TPP's ConsentId as an attribute, and one
 * mapping per chosen account. The ConsentId is recorded at the same time, so a second consent with it is refused
 * even from another instance. On the pre-initiated route it updates the stored consent.
 */
@Injectable()
export class UaeAuthorizedConsentPersister extends AuthorizedConsentPersister {
  constructor(
    private readonly sources: ConsentSourceReader,
    private readonly registry: UaeConsentRegistry,
    private readonly bank: BankBackend,
  ) {
    super();
  }

  async handle(
    data: ConsentPersistRequest,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'persist-authorized-consent'>> {
    const source = await this.sources.read(data.consentResource, data.userGrantedData?.requestParameters);
    const { preInitiated, clientId } = source;
    if (!source.reading.ok) {
      // Another TPP's consent keeps its status: only the TPP's own consent is rejected with the refusal.
      return authorizeFailure(describeProblem(source.reading.problem), preInitiated && !source.foreign);
    }
    const request = source.reading.request;
    const userId = data.userGrantedData?.userId ?? data.userGrantedData?.authorizedResources?.userId;
    if (userId === undefined || userId === '' || clientId === undefined) {
      return authorizeFailure('The logged-in customer or the TPP is unknown', preInitiated);
    }
    const approved = isApproved(data);
    const accountIds = chosenAccountIds(data);
    if (approved && accountIds.length === 0) {
      return authorizeFailure('Account IDs not available in persist request', preInitiated);
    }
    const payment = request.kind === 'service-initiation';
    if (approved && payment && accountIds.length > 1) {
      return authorizeFailure('A payment debits exactly one account', preInitiated);
    }
    for (const accountId of approved ? accountIds : []) {
      if (!(await this.bank.holdsAccount(userId, accountId))) {
        return authorizeFailure(`Account ${accountId} is not an account of the customer`, preInitiated);
      }
      if (payment && !canPayDomestically(await this.bank.accountDetails(accountId))) {
        return authorizeFailure(`Account ${accountId} cannot make a payment in ${DOMESTIC_CURRENCY}`, preInitiated);
      }
    }
    const recorded = await this.registry.record(context.requestId, clientId, request.consentId, {
      ...(preInitiated ? { decided: true } : { created: true, root: request.baseConsentId === undefined }),
      ...(approved ? { ownerId: userId } : {}),
    });
    if (!recorded) {
      return authorizeFailure(`ConsentId ${request.consentId} has already been used by this TPP`, false);
    }
    const status = approved ? approvedStatus(request) : UaeConsentStatus.Rejected;
    const resources: AccountMapping[] = approved
      ? accountIds.map((accountId) => ({ accountId, permission: PRIMARY_PERMISSION, status: 'active' }))
      : [{ accountId: 'n/a', permission: PRIMARY_PERMISSION, status: 'inactive' }];
    const authorizations = [
      {
        userId,
        type: AUTHORISATION_TYPE,
        status: approved ? UaeConsentStatus.Authorized : UaeConsentStatus.Rejected,
        resources,
      },
    ];
    if (preInitiated) {
      return succeed({ consentResource: { status, authorizations } });
    }
    return succeed({ consentResource: newUaeConsentResource(request, status, authorizations) });
  }
}
