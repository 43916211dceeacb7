import { Type, type Static } from '@sinclair/typebox';
import { AnyObject, StringMap } from './json.js';

/*
 * The consent resource as the identity server sends it (`ExternalAPIConsentResourceRequestDTO`, contract §3.1) and as
 * it reads it back (`ExternalAPIConsentResourceResponseDTO`, §3.4). The identity server omits null-valued properties,
 * so every field it sends is optional here.
 */

export const StoredAccountMappingSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    accountId: Type.Optional(Type.String()),
    permission: Type.Optional(Type.String()),
    status: Type.Optional(Type.String({ description: 'Usually `active` or `inactive`.' })),
  },
  { title: 'StoredAccountMapping' },
);
export type StoredAccountMapping = Static<typeof StoredAccountMappingSchema>;

export const StoredAuthorizationSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    userId: Type.Optional(Type.String({ description: 'Omitted until a user has authorised.' })),
    type: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    updatedTime: Type.Optional(Type.Integer()),
    resources: Type.Optional(Type.Array(StoredAccountMappingSchema)),
  },
  { title: 'StoredAuthorization' },
);
export type StoredAuthorization = Static<typeof StoredAuthorizationSchema>;

export const StoredConsentResourceSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    clientId: Type.Optional(Type.String()),
    type: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    frequency: Type.Optional(Type.Integer()),
    validityTime: Type.Optional(Type.Integer({ description: 'Absolute expiry in epoch seconds; 0 means no expiry.' })),
    createdTime: Type.Optional(Type.Integer({ description: 'Epoch seconds.' })),
    updatedTime: Type.Optional(Type.Integer({ description: 'Epoch seconds.' })),
    recurringIndicator: Type.Optional(Type.Boolean()),
    receipt: Type.Optional(AnyObject('The stored receipt (the TPP request body), `{}` when empty.')),
    attributes: Type.Optional(StringMap('Consent attributes; absent on the admin revoke path.')),
    authorizations: Type.Optional(
      Type.Array(StoredAuthorizationSchema, { description: 'Only in the detailed variant (contract §3.1).' }),
    ),
    fileContent: Type.Optional(
      Type.String({ description: 'Only in populate-consent-authorize-screen, when a file exists.' }),
    ),
  },
  {
    title: 'StoredConsentResource',
    description: 'A stored consent as the identity server sends it. `{}` in flows that have no consent yet.',
  },
);
export type StoredConsentResource = Static<typeof StoredConsentResourceSchema>;

export const AccountMappingSchema = Type.Object(
  {
    accountId: Type.String(),
    permission: Type.String(),
    status: Type.String(),
  },
  { title: 'AccountMapping' },
);
export type AccountMapping = Static<typeof AccountMappingSchema>;

export const AuthorizationSchema = Type.Object(
  {
    userId: Type.Optional(Type.String()),
    type: Type.String(),
    status: Type.String(),
    resources: Type.Array(AccountMappingSchema),
  },
  { title: 'Authorization' },
);
export type Authorization = Static<typeof AuthorizationSchema>;

export const AmendedAccountMappingSchema = Type.Object(
  {
    id: Type.String({ description: 'An existing mapping id.' }),
    permission: Type.String(),
    status: Type.String(),
  },
  { title: 'AmendedAccountMapping' },
);

export const AmendmentSchema = Type.Object(
  {
    id: Type.String({ description: 'An existing authorization id.' }),
    type: Type.String(),
    status: Type.String(),
    resources: Type.Array(AccountMappingSchema, {
      description: 'Send `[]` rather than omitting it: it is iterated without a null check.',
    }),
    amendedResources: Type.Array(AmendedAccountMappingSchema),
  },
  { title: 'Amendment' },
);
export type Amendment = Static<typeof AmendmentSchema>;

/**
 * A consent to create (pre-process-consent-creation, or persist without a pre-initiated consent): the five scalars are
 * unboxed to Java primitives and throw when missing.
 */
export const NewConsentResourceSchema = Type.Object(
  {
    type: Type.String({ maxLength: 64 }),
    status: Type.String({ maxLength: 64 }),
    frequency: Type.Integer(),
    validityTime: Type.Integer(),
    recurringIndicator: Type.Boolean(),
    receipt: Type.Optional(AnyObject()),
    attributes: Type.Optional(
      StringMap('Scalar values of at most 255 characters; keys must not exist on the consent yet.'),
    ),
    authorizations: Type.Optional(Type.Array(AuthorizationSchema)),
  },
  { title: 'NewConsentResource' },
);
export type NewConsentResource = Static<typeof NewConsentResourceSchema>;

/** An update of a pre-initiated consent (persist): every scalar falls back to the stored value when absent. */
export const ConsentResourceUpdateSchema = Type.Object(
  {
    type: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Type.String({ maxLength: 64 })),
    frequency: Type.Optional(Type.Integer()),
    validityTime: Type.Optional(Type.Integer()),
    recurringIndicator: Type.Optional(Type.Boolean()),
    receipt: Type.Optional(AnyObject()),
    attributes: Type.Optional(StringMap()),
    authorizations: Type.Optional(Type.Array(AuthorizationSchema)),
    amendments: Type.Optional(Type.Array(AmendmentSchema)),
  },
  { title: 'ConsentResourceUpdate' },
);
export type ConsentResourceUpdate = Static<typeof ConsentResourceUpdateSchema>;
