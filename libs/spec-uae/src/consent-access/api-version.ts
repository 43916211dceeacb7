/*
 * The version of the standards an API call is made under and the version a consent was made under. The resource URLs
 * carry it as a path segment (`/open-finance/v2.1/accounts`, `/open-finance/account-information/v2.1/…`) and the
 * consent's `authorization_details` type ends with it (`urn:openfinanceuae:account-access-consent:v2.1`). A consent
 * serves the API of its own version only.
 */

const VERSION_SEGMENT = /^v\d+(?:\.\d+)*$/;
const TYPE_VERSION = /:(v\d+(?:\.\d+)*)$/;

/** The first version segment of a request path (its query ignored), or undefined when the path names none. */
export function versionInPath(resource: string): string | undefined {
  const path = resource.split('?')[0] ?? '';
  return path.split('/').find((segment) => VERSION_SEGMENT.test(segment));
}

/** The version an `authorization_details` type ends with, or undefined. */
export function versionOfType(type: string | undefined): string | undefined {
  return type === undefined ? undefined : TYPE_VERSION.exec(type)?.[1];
}

/** Why a call under `resource` may not use a consent of `type`; undefined when the versions agree or the path names none. */
export function versionMismatch(resource: string, type: string | undefined): string | undefined {
  const requested = versionInPath(resource);
  const consented = versionOfType(type);
  return requested === undefined || requested === consented
    ? undefined
    : `The consent was given under ${consented ?? 'no known version'} of the standards; it cannot be used under ${requested}`;
}
