import { fileURLToPath } from 'node:url';
import {
  loadOfficialOpenApiDocument,
  OfficialSchemaValidators,
  type OfficialOpenApiDocument,
  type SchemaCheck,
} from '@app/openapi-schemas';

/*
 * The official UAE v2.1-errata2 files vendored byte for byte under assets/openapi (the build copies them to dist at
 * the same relative depth). Each schema this module uses is compiled once, when the module is created.
 */

export const VENDORED_OPENAPI_FILES = [
  'uae-authorization-endpoints-openapi.yaml',
  'uae-account-information-openapi.yaml',
  'uae-bank-initiation-openapi.yaml',
] as const;

export function vendoredOpenApiPath(file: (typeof VENDORED_OPENAPI_FILES)[number]): string {
  return fileURLToPath(new URL(`../../assets/openapi/${file}`, import.meta.url));
}

/** The `authorization_details` item types of v2.1 this module serves, with their RAR schema in the PAR file. */
export const AUTHORIZATION_DETAIL_SCHEMAS = {
  'urn:openfinanceuae:account-access-consent:v2.1':
    'AEBankDataSharingRichAuthorizationRequestsV21.AEBankDataSharingAuthorizationDetailsProperties',
  'urn:openfinanceuae:service-initiation-consent:v2.1':
    'AEBankServiceInitiationRichAuthorizationRequestsV21.AEBankServiceInitiationAuthorizationDetailsProperties',
} as const;

export type AuthorizationDetailType = keyof typeof AUTHORIZATION_DETAIL_SCHEMAS;

export const ACCOUNT_ACCESS_TYPE: AuthorizationDetailType = 'urn:openfinanceuae:account-access-consent:v2.1';
export const SERVICE_INITIATION_TYPE: AuthorizationDetailType = 'urn:openfinanceuae:service-initiation-consent:v2.1';

const DOMESTIC_PII_SCHEMA = 'AEBankServiceInitiationRichAuthorizationRequests.AEDomesticPaymentPII';
const PAR_BODY_SCHEMA = 'AEPushedAuthorizationRequestsV21.PushedAuthorizationRequestBody';

/**
 * The claims the PAR request object may carry: the properties of `request` in the official PAR body schema, which
 * is `additionalProperties: false`. Read from the document, so that a new version of the file brings its own list.
 */
function requestObjectClaimsOf(official: OfficialOpenApiDocument): readonly string[] {
  const schemas = (official.document['components'] as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  const body = schemas?.[PAR_BODY_SCHEMA] as
    { properties?: { request?: { properties?: Record<string, unknown> } } } | undefined;
  const claims = Object.keys(body?.properties?.request?.properties ?? {});
  if (claims.length === 0) {
    throw new Error(`${official.source} has no request properties in ${PAR_BODY_SCHEMA}`);
  }
  return claims;
}
const PAYMENT_REQUEST_SCHEMA = 'AEPaymentRequest';

/** The compiled checks of the official schemas. */
export class UaeOfficialSchemas {
  readonly authorizationDetail: Readonly<Record<AuthorizationDetailType, SchemaCheck>>;
  /** The decrypted PersonalIdentifiableInformation of a domestic payment. */
  readonly domesticPaymentPii: SchemaCheck;
  /** The TPP's POST /payments body. */
  readonly paymentRequest: SchemaCheck;
  /** The claims the PAR request object schema declares. */
  readonly requestObjectClaims: readonly string[];

  constructor() {
    const authorizationDocument = loadOfficialOpenApiDocument(
      vendoredOpenApiPath('uae-authorization-endpoints-openapi.yaml'),
    );
    const authorization = new OfficialSchemaValidators(authorizationDocument);
    const initiation = new OfficialSchemaValidators(
      loadOfficialOpenApiDocument(vendoredOpenApiPath('uae-bank-initiation-openapi.yaml')),
    );
    authorization.precompile([...Object.values(AUTHORIZATION_DETAIL_SCHEMAS), DOMESTIC_PII_SCHEMA]);
    initiation.precompile([PAYMENT_REQUEST_SCHEMA]);
    this.authorizationDetail = {
      [ACCOUNT_ACCESS_TYPE]: authorization.schema(AUTHORIZATION_DETAIL_SCHEMAS[ACCOUNT_ACCESS_TYPE]),
      [SERVICE_INITIATION_TYPE]: authorization.schema(AUTHORIZATION_DETAIL_SCHEMAS[SERVICE_INITIATION_TYPE]),
    } as Record<AuthorizationDetailType, SchemaCheck>;
    this.domesticPaymentPii = authorization.schema(DOMESTIC_PII_SCHEMA);
    this.paymentRequest = initiation.schema(PAYMENT_REQUEST_SCHEMA);
    this.requestObjectClaims = requestObjectClaimsOf(authorizationDocument);
  }
}
