import { Type, type Static } from '@sinclair/typebox';
import { AnyObject, NullableBoolean, NullableString, StringListMap, StringMap } from './json.js';
import {
  ConsentResourceUpdateSchema,
  NewConsentResourceSchema,
  StoredConsentResourceSchema,
} from './consent-resource.js';

/* populate-consent-authorize-screen and persist-authorized-consent (contract §4.9, §4.10). */

/**
 * An account on the consent page. The page posts back account `displayName`s, which the identity server maps back to
 * these objects, so `displayName` must be unique and stable; `accountId` is what the mapping stores. At persist time
 * the identity server sends the same objects back with unset fields as null.
 */
export const ScreenAccountSchema = Type.Object(
  {
    displayName: Type.String({ minLength: 1 }),
    accountId: Type.Optional(NullableString()),
    selected: Type.Optional(NullableBoolean()),
    title: Type.Optional(NullableString()),
    description: Type.Optional(NullableString()),
  },
  { title: 'ScreenAccount', additionalProperties: true },
);
export type ScreenAccount = Static<typeof ScreenAccountSchema> & Record<string, unknown>;

export const ScreenPermissionSchema = Type.Object(
  {
    uid: Type.String({ minLength: 1 }),
    displayValues: Type.Array(Type.String(), { minItems: 1 }),
    initiatedAccounts: Type.Optional(Type.Array(ScreenAccountSchema)),
  },
  { title: 'ScreenPermission', additionalProperties: false },
);
export type ScreenPermission = Static<typeof ScreenPermissionSchema>;

export const ConsentScreenDataSchema = Type.Object(
  {
    type: Type.String({ minLength: 1 }),
    basicConsentData: Type.Optional(StringListMap('One box per key on the page; values are bullet lines.')),
    permissions: Type.Optional(Type.Array(ScreenPermissionSchema)),
    initiatedAccountsForConsent: Type.Optional(Type.Array(ScreenAccountSchema)),
    allowMultipleAccounts: Type.Optional(Type.Boolean()),
    handleAccountSelectionSeparately: Type.Optional(Type.Boolean()),
    isReauthorization: Type.Optional(Type.Boolean()),
    consentMetadata: Type.Optional(StringMap('Merged into `authorizedResources.metadata` at persist time.')),
  },
  { title: 'ConsentScreenData', additionalProperties: true },
);
export type ConsentScreenData = Static<typeof ConsentScreenDataSchema>;

export const AdditionalDataItemSchema = Type.Object(
  { item: Type.String(), type: Type.Optional(Type.String()) },
  { title: 'AdditionalDataItem', additionalProperties: false },
);

export const AdditionalDataSchema = Type.Object(
  {
    title: Type.Optional(Type.String()),
    subtitle: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    items: Type.Optional(Type.Array(AdditionalDataItemSchema)),
  },
  { title: 'AdditionalData', additionalProperties: false },
);
export type AdditionalData = Static<typeof AdditionalDataSchema>;

export const ConsentScreenRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String({ description: 'Omitted in flows with no pre-initiated consent.' })),
  userId: Type.Optional(Type.String({ description: 'The logged-in user; echo it unchanged at persist time.' })),
  requestParameters: Type.Optional(AnyObject('The request-object claims, or the raw query parameters.')),
  consentResource: Type.Optional(StoredConsentResourceSchema),
});
export type ConsentScreenRequest = Static<typeof ConsentScreenRequestSchema>;

/** Parsed by a default Jackson mapper: unknown keys directly under `data` are rejected. */
export const ConsentScreenSuccessSchema = Type.Object(
  {
    consentData: ConsentScreenDataSchema,
    consumerData: Type.Optional(
      Type.Object({ accounts: Type.Optional(Type.Array(ScreenAccountSchema)) }, { additionalProperties: true }),
    ),
    additionalData: Type.Optional(Type.Array(AdditionalDataSchema)),
  },
  { additionalProperties: false },
);
export type ConsentScreenSuccess = Static<typeof ConsentScreenSuccessSchema>;

export const AuthorizedDataSchema = Type.Object(
  {
    permissions: Type.Optional(Type.Array(Type.String())),
    accounts: Type.Optional(Type.Array(ScreenAccountSchema)),
  },
  { title: 'AuthorizedData' },
);
export type AuthorizedData = Static<typeof AuthorizedDataSchema>;

export const AuthorizedResourcesSchema = Type.Object(
  {
    approval: Type.Optional(
      Type.Union([Type.String(), Type.Boolean()], { description: 'The string "true" or "false".' }),
    ),
    type: Type.Optional(Type.String()),
    userId: Type.Optional(Type.String()),
    cookies: Type.Optional(AnyObject('Browser cookies: sensitive, never logged.')),
    isReauthorization: Type.Optional(Type.Boolean()),
    metadata: Type.Optional(AnyObject()),
    authorizedData: Type.Optional(Type.Array(AuthorizedDataSchema)),
  },
  { title: 'AuthorizedResources' },
);
export type AuthorizedResources = Static<typeof AuthorizedResourcesSchema>;

export const ConsentPersistRequestSchema = Type.Object({
  consentId: Type.Optional(Type.String()),
  isApproved: Type.Optional(Type.Boolean()),
  consentResource: Type.Optional(StoredConsentResourceSchema),
  userGrantedData: Type.Optional(
    Type.Object({
      userId: Type.Optional(Type.String()),
      requestParameters: Type.Optional(AnyObject()),
      authorizedResources: Type.Optional(AuthorizedResourcesSchema),
    }),
  ),
});
export type ConsentPersistRequest = Static<typeof ConsentPersistRequestSchema>;

export const ConsentPersistSuccessSchema = Type.Object({
  consentResource: Type.Union([ConsentResourceUpdateSchema, NewConsentResourceSchema]),
});
export type ConsentPersistSuccess = Static<typeof ConsentPersistSuccessSchema>;
