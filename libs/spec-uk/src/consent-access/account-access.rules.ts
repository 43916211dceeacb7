import { objectAt, stringsAt } from '../shared/json.js';
import { UkErrorCode, ukRejection } from '../shared/uk-error.js';
import { activeAccountIds, httpMethodOf, type AccessRules } from './access-request.js';
import { AISP_RESOURCE_PERMISSIONS, missingPermissionGroup } from './account-resource-permissions.js';
import { pathParameters } from './resource-path.js';

/**
 * An AISP call (§A.3): a v3.1.11 account-information resource, read with GET, covered by the granted permissions
 * (403 otherwise), on an account mapped to the consent; bulk resources need at least one mapped account.
 */
export const accountAccessRules: AccessRules = ({ consent, template, payload, ...request }) => {
  if (
    AISP_RESOURCE_PERMISSIONS[template] === undefined ||
    httpMethodOf({ consent, template, payload, ...request }) !== 'GET'
  ) {
    return Promise.resolve(
      ukRejection(
        403,
        UkErrorCode.ResourceConsentMismatch,
        `${template} is not an account-information resource this consent can read`,
      ),
    );
  }
  const granted = stringsAt(objectAt(consent.receipt, 'Data'), 'Permissions');
  const missing = missingPermissionGroup(template, granted);
  if (missing !== undefined) {
    return Promise.resolve(
      ukRejection(
        403,
        UkErrorCode.ResourceConsentMismatch,
        `The consent does not grant ${missing.join(' or ')}, which ${template} needs`,
      ),
    );
  }
  const accounts = activeAccountIds(consent);
  if (!template.includes('{AccountId}')) {
    return Promise.resolve(
      accounts.size > 0
        ? undefined
        : ukRejection(403, UkErrorCode.ResourceConsentMismatch, 'No account is shared under this consent any more'),
    );
  }
  const accountId = pathParameters(template, payload.resourceParams?.['resource'])?.['AccountId'];
  return Promise.resolve(
    accountId !== undefined && accounts.has(accountId)
      ? undefined
      : ukRejection(
          403,
          UkErrorCode.ResourceConsentMismatch,
          'The account in the path is not shared under this consent',
          'AccountId',
        ),
  );
};
