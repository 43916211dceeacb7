import { Type, type Static } from '@sinclair/typebox';
import { AnyObject } from './json.js';

/* map-accelerator-error-response (contract §4.14). */

export const AcceleratorErrorSchema = Type.Object({
  code: Type.Optional(Type.String({ description: 'The HTTP status, as a string.' })),
  description: Type.Optional(Type.String()),
  operation: Type.Optional(
    Type.String({ description: 'e.g. `consent_retrieve`, `consent_create`, `consent_delete`.' }),
  ),
});
export type AcceleratorError = Static<typeof AcceleratorErrorSchema>;

export const ErrorMappingRequestSchema = Type.Object({ error: Type.Optional(AcceleratorErrorSchema) });
export type ErrorMappingRequest = Static<typeof ErrorMappingRequestSchema>;

/** The TPP error body in the specification's format; the HTTP status travels in the envelope's `errorCode`. */
export const ErrorMappingSuccessSchema = AnyObject('The error body the client receives.');
export type ErrorMappingSuccess = Static<typeof ErrorMappingSuccessSchema>;
