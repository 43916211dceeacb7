import { Type, type Static } from '@sinclair/typebox';
import { AnyObject } from './json.js';

/* DCR (pre-process-client-*) and API Manager applications (pre-process-application-*), contract §4.15. */

export const ClientRegistrationRequestSchema = Type.Object({
  clientData: Type.Optional(AnyObject('The registration request (creation and update).')),
  softwareStatement: Type.Optional(AnyObject('The decoded software statement.')),
  existingClientData: Type.Optional(
    Type.Union([AnyObject(), Type.Array(AnyObject())], { description: 'Update only.' }),
  ),
});
export type ClientRegistrationRequest = Static<typeof ClientRegistrationRequestSchema>;

export const ClientRegistrationSuccessSchema = Type.Object({
  clientData: Type.Optional(AnyObject('Stored as service-provider attributes.')),
});
export type ClientRegistrationSuccess = Static<typeof ClientRegistrationSuccessSchema>;

export const ApplicationRequestSchema = Type.Object({
  appData: Type.Optional(AnyObject()),
  additionalProperties: Type.Optional(AnyObject('Properties entered in the developer portal.')),
  existingAppData: Type.Optional(AnyObject('Update only.')),
});
export type ApplicationRequest = Static<typeof ApplicationRequestSchema>;

export const ApplicationSuccessSchema = Type.Object({
  clientId: Type.Optional(Type.String({ description: 'Creation only: the client id to store.' })),
  additionalAppData: Type.Optional(AnyObject()),
});
export type ApplicationSuccess = Static<typeof ApplicationSuccessSchema>;
