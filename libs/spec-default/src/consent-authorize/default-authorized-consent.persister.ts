import { Inject, Injectable } from '@nestjs/common';
import {
  AuthorizedConsentPersister,
  succeed,
  type AccountMapping,
  type Authorization,
  type NewConsentResource,
  type OutcomeOf,
  type RequestDataOf,
  epochSeconds,
  type Clock,
} from '@app/contract';
import { DEFAULT_SPEC_CLOCK } from '../default-spec.tokens.js';
import {
  ACTIVE_MAPPING,
  AUTHORISATION_TYPE,
  AuthorizationStatus,
  ConsentStatus,
  PRIMARY_PERMISSION,
} from '../shared/consent-status.js';
import { ConsentType } from '../shared/consent-type.js';
import { formatOffsetDateTime } from '../shared/date-time.js';
import { isNonEmptyJsonObject, nonEmptyString } from '../shared/json.js';
import { customerApproved } from './approval.js';
import { authorizeFailure } from './authorize-failure.js';
import { authorizedAccountIds } from './authorized-accounts.js';
import { requestedScopes } from './request-parameters.js';

type PersistRequest = RequestDataOf<'persist-authorized-consent'>;
type Outcome = OutcomeOf<'persist-authorized-consent'>;

/** The account a denied consent is mapped to (`DefaultConsentPersistStep`). */
const NO_ACCOUNT = 'n/a';

/** A consent created at persist time lives one hour (`DefaultConsentRetrievalStep`, `getReceiptFromRequestObject`). */
const SCOPE_CONSENT_VALIDITY_SECONDS = 3600;

/**
 * The accelerator's `DefaultConsentPersistStep` (contract §4.10 "Default behaviour to reproduce"): the customer's
 * decision becomes the consent and authorization status, and each authorised account one `primary` mapping.
 */
@Injectable()
export class DefaultAuthorizedConsentPersister extends AuthorizedConsentPersister {
  constructor(@Inject(DEFAULT_SPEC_CLOCK) private readonly clock: Clock) {
    super();
  }

  handle(data: PersistRequest): Promise<Outcome> {
    return Promise.resolve(this.decide(data));
  }

  private decide({ isApproved, consentResource, userGrantedData = {} }: PersistRequest): Outcome {
    const { authorizedResources = {} } = userGrantedData;
    const approved = customerApproved(isApproved, authorizedResources.approval);
    const accountIds = authorizedAccountIds(authorizedResources.authorizedData);
    if (approved && accountIds.length === 0) {
      return authorizeFailure('Account IDs not available in persist request');
    }

    // The identity server reuses the primary authorization only when the user id is exactly the logged-in user's.
    const userId = nonEmptyString(userGrantedData.userId) ?? nonEmptyString(authorizedResources.userId);
    const authorization: Authorization = {
      ...(userId === undefined ? {} : { userId }),
      type: AUTHORISATION_TYPE,
      status: approved ? AuthorizationStatus.Authorised : AuthorizationStatus.Rejected,
      resources: approved ? accountIds.map(primaryMapping) : [primaryMapping(NO_ACCOUNT)],
    };
    const status = approved ? ConsentStatus.Authorised : ConsentStatus.Rejected;

    // Attributes are never returned: the identity server inserts them, and an existing key would break the insert.
    if (isNonEmptyJsonObject(consentResource)) {
      return succeed({ consentResource: { status, authorizations: [authorization] } });
    }
    return succeed({
      consentResource: this.newScopeConsent(status, authorization, requestedScopes(userGrantedData.requestParameters)),
    });
  }

  /** A scope-based flow has no consent until now: the identity server creates it from these mandatory fields. */
  private newScopeConsent(status: string, authorization: Authorization, scopes: string[]): NewConsentResource {
    const validityTime = epochSeconds(this.clock.now()) + SCOPE_CONSENT_VALIDITY_SECONDS;
    return {
      type: ConsentType.Default,
      status,
      frequency: 0,
      validityTime,
      recurringIndicator: false,
      receipt: { Data: { Permissions: scopes, ExpirationDateTime: formatOffsetDateTime(validityTime) } },
      authorizations: [authorization],
    };
  }
}

function primaryMapping(accountId: string): AccountMapping {
  return { accountId, permission: PRIMARY_PERMISSION, status: ACTIVE_MAPPING };
}
