import { Type, type Static } from '@sinclair/typebox';
import { AnyObject } from './json.js';

/* The `data` of a `status: ERROR` answer differs by caller (contract §4); these are the shapes each caller reads. */

/** Consent manage and admin: `data` is relayed verbatim as the TPP's error body, so it must be an object. */
export const RelayedFailureSchema = AnyObject('Relayed verbatim to the TPP as the error body, with HTTP `errorCode`.');
export type RelayedFailure = Static<typeof RelayedFailureSchema>;

/** populate-consent-authorize-screen and persist-authorized-consent (`FailedResponseInConsentAuthorize`). */
export const AuthorizeFailureSchema = Type.Object(
  {
    errorMessage: Type.String({ description: 'Sent to the TPP as `error_description` with `error=server_error`.' }),
    newConsentStatus: Type.Optional(Type.String({ description: 'Applied to the consent before the redirect.' })),
  },
  { title: 'AuthorizeFailure' },
);
export type AuthorizeFailure = Static<typeof AuthorizeFailureSchema>;

/** validate-consent-access, issue-refresh-token and validate-authorization-request. */
export const ValidationFailureSchema = Type.Object(
  {
    errorMessage: Type.String({ description: 'An error code (e.g. `Forbidden`, `invalid_grant`, `invalid_request`).' }),
    errorDescription: Type.String(),
  },
  { title: 'ValidationFailure' },
);
export type ValidationFailure = Static<typeof ValidationFailureSchema>;

/** DCR callers read `data.errorCode` (the published YAML says `data.error`, contract §6 #17). */
export const ClientRegistrationFailureSchema = Type.Object(
  {
    errorCode: Type.String({ description: 'An RFC 7591 error such as `invalid_client_metadata`.' }),
    errorDescription: Type.String(),
  },
  { title: 'ClientRegistrationFailure' },
);
export type ClientRegistrationFailure = Static<typeof ClientRegistrationFailureSchema>;

/** API Manager application callers read `data.errorMessage`. */
export const ApplicationFailureSchema = Type.Object({ errorMessage: Type.String() }, { title: 'ApplicationFailure' });
export type ApplicationFailure = Static<typeof ApplicationFailureSchema>;

/** Event-notification callers relay `data`; enrich-event-polling-response reads `errorCode` (int) and `errorMessage`. */
export const EventFailureSchema = AnyObject('Relayed to the event-notification client.');
export type EventFailure = Static<typeof EventFailureSchema>;
