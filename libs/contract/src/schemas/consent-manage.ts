import { Type, type Static } from '@sinclair/typebox';
import { AnyJson, AnyObject, StringListMap, StringMap } from './json.js';
import { NewConsentResourceSchema, StoredConsentResourceSchema } from './consent-resource.js';

/* The consent manage and admin extension points (contract §4.1-§4.8). */

const RequestHeaders = StringMap(
  'TPP request headers on the `manage_extension.allowed_headers` list (by default only `x-wso2-client-id`).',
);
const ConsentResourcePath = Type.String({
  description:
    'The path after `/api/fs/consent/manage/` (e.g. `account-access-consents/{id}`), or `/api/fs/consent/admin/revoke`.',
});

/** The body a TPP receives, and headers to set on that response (values must be strings). */
export const ResponseAlterationSchema = Type.Object(
  {
    modifiedResponse: Type.Optional(AnyJson('Becomes the TPP response body as it is.')),
    responseHeaders: Type.Optional(StringMap('Set on the TPP response; a null value breaks the caller.')),
  },
  { title: 'ResponseAlteration' },
);
export type ResponseAlteration = Static<typeof ResponseAlterationSchema>;

export const ConsentCreationRequestSchema = Type.Object({
  consentInitiationData: Type.Optional(AnyJson('The TPP request body; omitted when it was not valid JSON.')),
  consentResourcePath: Type.Optional(ConsentResourcePath),
  requestHeaders: Type.Optional(RequestHeaders),
});
export type ConsentCreationRequest = Static<typeof ConsentCreationRequestSchema>;

export const ConsentCreationSuccessSchema = Type.Object({ consentResource: NewConsentResourceSchema });
export type ConsentCreationSuccess = Static<typeof ConsentCreationSuccessSchema>;

export const ConsentCreationEnrichmentRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String()),
  consentResourcePath: Type.Optional(ConsentResourcePath),
  consentResource: Type.Optional(StoredConsentResourceSchema),
});
export type ConsentCreationEnrichmentRequest = Static<typeof ConsentCreationEnrichmentRequestSchema>;

/** pre-process-consent-retrieval, pre-process-consent-revoke and validate-consent-file-retrieval. */
export const StoredConsentRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String()),
  consentResourcePath: Type.Optional(ConsentResourcePath),
  requestHeaders: Type.Optional(RequestHeaders),
  consentResource: Type.Optional(StoredConsentResourceSchema),
});
export type StoredConsentRequest = Static<typeof StoredConsentRequestSchema>;

export const ConsentRevocationSuccessSchema = Type.Object({
  revocationStatusName: Type.String({ minLength: 1, description: 'The new consent status; required by the caller.' }),
  requireTokenRevocation: Type.Boolean(),
});
export type ConsentRevocationSuccess = Static<typeof ConsentRevocationSuccessSchema>;

export const FileUploadRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String()),
  fileContent: Type.Optional(Type.String()),
  consentResourcePath: Type.Optional(ConsentResourcePath),
  requestHeaders: Type.Optional(RequestHeaders),
  consentResource: Type.Optional(StoredConsentResourceSchema),
});
export type FileUploadRequest = Static<typeof FileUploadRequestSchema>;

export const FileUploadSuccessSchema = Type.Object({
  consentStatus: Type.String({ minLength: 1 }),
  userId: Type.Optional(Type.String({ description: 'Recorded in the consent audit.' })),
});
export type FileUploadSuccess = Static<typeof FileUploadSuccessSchema>;

export const FileResponseEnrichmentRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String()),
  fileUploadCreatedTime: Type.Optional(Type.String({ description: "ISO time in the identity server's time zone." })),
});
export type FileResponseEnrichmentRequest = Static<typeof FileResponseEnrichmentRequestSchema>;

export const ConsentSearchRequestSchema = Type.Object({
  searchType: Type.Optional(Type.String({ description: '`BULK_SEARCH` or `AMENDMENT_HISTORY`.' })),
  searchResult: Type.Optional(
    Type.Array(AnyObject(), { description: 'An array, although the published YAML says object.' }),
  ),
  enrichmentParams: Type.Optional(StringListMap('The admin query parameters; every value is an array of strings.')),
});
export type ConsentSearchRequest = Static<typeof ConsentSearchRequestSchema>;

export const ConsentSearchSuccessSchema = Type.Object({
  enrichedSearchResult: Type.Array(AnyObject(), { description: 'Must be an array: the caller calls getJSONArray.' }),
});
export type ConsentSearchSuccess = Static<typeof ConsentSearchSuccessSchema>;

/** A success whose `data` the caller ignores (file retrieval, access validation, authorization-request validation). */
export const EmptySuccessSchema = Type.Object({}, { description: 'Ignored by the caller.' });
export type EmptySuccess = Static<typeof EmptySuccessSchema>;
