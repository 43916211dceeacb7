import { Type, type Static } from '@sinclair/typebox';
import { AnyJson, StringMap } from './json.js';
import { StoredConsentResourceSchema } from './consent-resource.js';

/* validate-consent-access (contract §4.11): called on every protected API call of a TPP. */

export const DataRequestPayloadSchema = Type.Object(
  {
    headers: Type.Optional(StringMap('All TPP request headers (including Authorization: never logged).')),
    consentId: Type.Optional(Type.String({ description: 'The consent id bound to the access token.' })),
    clientId: Type.Optional(Type.String()),
    userId: Type.Optional(Type.String()),
    electedResource: Type.Optional(
      Type.String({ description: 'The API resource template, e.g. `/accounts/{AccountId}`.' }),
    ),
    resourceParams: Type.Optional(
      Type.Unsafe<Record<string, string>>({
        type: 'object',
        additionalProperties: true,
        description:
          '`resource` (the full path with query), `ResourcePath`, `httpMethod`, `context`, and the query parameters.',
      }),
    ),
    body: Type.Optional(AnyJson('The TPP request body, when there is one.')),
  },
  { title: 'DataRequestPayload' },
);
export type DataRequestPayload = Static<typeof DataRequestPayloadSchema>;

export const ConsentAccessRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String()),
  consentResource: Type.Optional(StoredConsentResourceSchema),
  dataRequestPayload: Type.Optional(DataRequestPayloadSchema),
});
export type ConsentAccessRequest = Static<typeof ConsentAccessRequestSchema>;
