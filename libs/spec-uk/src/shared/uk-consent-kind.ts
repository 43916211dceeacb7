/**
 * The UK consent endpoints this module serves. `consentResourcePath` (after `/api/fs/consent/manage/`) starts with
 * `path`; the identity server stores `type`; the request object's scope must be `scope`.
 */
export type ConsentFamily = 'account-access' | 'payment' | 'funds-confirmation' | 'vrp';

export type OfficialFile = 'account-info' | 'payment-initiation' | 'confirmation-funds' | 'vrp';

export interface UkConsentKind {
  readonly path: string;
  /** The stored consent type: one per endpoint, so a consent is found only under the endpoint that created it. */
  readonly type: string;
  readonly family: ConsentFamily;
  readonly scope: 'accounts' | 'payments' | 'fundsconfirmations';
  /** Plain-language name for the consent page and messages. */
  readonly title: string;
  /** The official file and request schema the TPP body is validated against. */
  readonly schema: { readonly file: OfficialFile; readonly name: string };
  /** `x-idempotency-key` required (§A.1). */
  readonly idempotent: boolean;
  /** `x-jws-signature` required on POST (§A.1, "signed request"). */
  readonly signed: boolean;
  /** A TPP may DELETE it (payment-order consents have no DELETE, §A.5). */
  readonly deletable: boolean;
  /** The API group in `Links.Self` (`/open-banking/v3.1/{group}/…`). */
  readonly apiGroup: 'aisp' | 'pisp' | 'cbpii';
  /** The resource the consent's payment is submitted to (`POST`), for payment families. */
  readonly submissionResource?: string;
  /** `GET /{path}/{ConsentId}/funds-confirmation` exists (immediate debits: domestic, international, international scheduled). */
  readonly fundsConfirmation?: true;
  /** A file payment: created `AwaitingUpload`, its payments come in a file uploaded to `/{path}/{ConsentId}/file`. */
  readonly file?: true;
  /** The request and response have no `Risk` (funds-confirmation and file-payment consents). */
  readonly withoutRisk?: true;
}

export const UK_CONSENT_KINDS: readonly UkConsentKind[] = [
  {
    path: 'account-access-consents',
    type: 'accounts',
    family: 'account-access',
    scope: 'accounts',
    title: 'Account information',
    schema: { file: 'account-info', name: 'OBReadConsent1' },
    idempotent: false,
    signed: false,
    deletable: true,
    apiGroup: 'aisp',
  },
  {
    path: 'domestic-payment-consents',
    type: 'domestic-payments',
    family: 'payment',
    scope: 'payments',
    title: 'Domestic payment',
    schema: { file: 'payment-initiation', name: 'OBWriteDomesticConsent4' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/domestic-payments',
    fundsConfirmation: true,
  },
  {
    path: 'domestic-scheduled-payment-consents',
    type: 'domestic-scheduled-payments',
    family: 'payment',
    scope: 'payments',
    title: 'Scheduled domestic payment',
    schema: { file: 'payment-initiation', name: 'OBWriteDomesticScheduledConsent4' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/domestic-scheduled-payments',
  },
  {
    path: 'domestic-standing-order-consents',
    type: 'domestic-standing-orders',
    family: 'payment',
    scope: 'payments',
    title: 'Domestic standing order',
    schema: { file: 'payment-initiation', name: 'OBWriteDomesticStandingOrderConsent5' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/domestic-standing-orders',
  },
  {
    path: 'international-payment-consents',
    type: 'international-payments',
    family: 'payment',
    scope: 'payments',
    title: 'International payment',
    schema: { file: 'payment-initiation', name: 'OBWriteInternationalConsent5' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/international-payments',
    fundsConfirmation: true,
  },
  {
    path: 'international-scheduled-payment-consents',
    type: 'international-scheduled-payments',
    family: 'payment',
    scope: 'payments',
    title: 'Scheduled international payment',
    schema: { file: 'payment-initiation', name: 'OBWriteInternationalScheduledConsent5' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/international-scheduled-payments',
    fundsConfirmation: true,
  },
  {
    path: 'international-standing-order-consents',
    type: 'international-standing-orders',
    family: 'payment',
    scope: 'payments',
    title: 'International standing order',
    schema: { file: 'payment-initiation', name: 'OBWriteInternationalStandingOrderConsent6' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/international-standing-orders',
  },
  {
    path: 'file-payment-consents',
    type: 'file-payments',
    family: 'payment',
    scope: 'payments',
    title: 'File payment',
    schema: { file: 'payment-initiation', name: 'OBWriteFileConsent3' },
    idempotent: true,
    signed: true,
    deletable: false,
    apiGroup: 'pisp',
    submissionResource: '/file-payments',
    file: true,
    withoutRisk: true,
  },
  {
    path: 'funds-confirmation-consents',
    type: 'fundsconfirmations',
    family: 'funds-confirmation',
    scope: 'fundsconfirmations',
    title: 'Confirmation of funds',
    schema: { file: 'confirmation-funds', name: 'OBFundsConfirmationConsent1' },
    idempotent: false,
    signed: false,
    deletable: true,
    apiGroup: 'cbpii',
    submissionResource: '/funds-confirmations',
    withoutRisk: true,
  },
  {
    path: 'domestic-vrp-consents',
    type: 'domestic-vrps',
    family: 'vrp',
    scope: 'payments',
    title: 'Variable recurring payments',
    schema: { file: 'vrp', name: 'OBDomesticVRPConsentRequest' },
    idempotent: true,
    signed: true,
    deletable: true,
    apiGroup: 'pisp',
    submissionResource: '/domestic-vrps',
  },
];

const BY_PATH = new Map(UK_CONSENT_KINDS.map((kind) => [kind.path, kind]));
const BY_TYPE = new Map(UK_CONSENT_KINDS.map((kind) => [kind.type, kind]));

/** A consent manage path split into the endpoint, the consent id and what follows (`funds-confirmation`, `file`). */
export interface ManagePath {
  readonly kind: UkConsentKind;
  readonly consentId?: string;
  readonly subResource?: string;
}

/** A path segment percent-decoded; a malformed escape (`%ZZ`) names no consent of the bank, so it is kept as sent. */
function percentDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Reads `domestic-payment-consents[/{id}[/funds-confirmation]]` (also a file upload's `file-payment-consents/{id}/file`);
 * undefined for a path this module does not serve.
 */
export function parseManagePath(path: string | undefined): ManagePath | undefined {
  const segments = (path ?? '')
    .split('?')[0]
    .split('/')
    .filter((segment) => segment !== '');
  const kind = segments[0] === undefined ? undefined : BY_PATH.get(segments[0]);
  if (kind === undefined || segments.length > 3) {
    return undefined;
  }
  return {
    kind,
    ...(segments[1] === undefined ? {} : { consentId: percentDecoded(segments[1]) }),
    ...(segments[2] === undefined ? {} : { subResource: segments[2] }),
  };
}

export function kindOfType(type: string | undefined): UkConsentKind | undefined {
  return type === undefined ? undefined : BY_TYPE.get(type);
}
