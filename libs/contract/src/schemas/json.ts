import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';

/*
 * Schema helpers that stay inside OpenAPI 3.0 (the version of the published contract): no `const`, no
 * `patternProperties`, so every schema here can be put in the generated document as it is.
 */

export type JsonObject = Record<string, unknown>;

/** Any JSON object (the identity server forwards TPP bodies and stored receipts as objects). */
export const AnyObject = (description?: string): TUnsafe<JsonObject> =>
  Type.Unsafe<JsonObject>({ type: 'object', additionalProperties: true, ...(description ? { description } : {}) });

/** Any JSON value. */
export const AnyJson = (description?: string): TUnsafe<unknown> =>
  Type.Unsafe<unknown>(description ? { description } : {});

/** An object whose values are all strings (headers, consent attributes). */
export const StringMap = (description?: string): TUnsafe<Record<string, string>> =>
  Type.Unsafe<Record<string, string>>({
    type: 'object',
    additionalProperties: { type: 'string' },
    ...(description ? { description } : {}),
  });

/** An object whose values are arrays of strings (JAX-RS query parameter maps, consent-screen data boxes). */
export const StringListMap = (description?: string): TUnsafe<Record<string, string[]>> =>
  Type.Unsafe<Record<string, string[]>>({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    ...(description ? { description } : {}),
  });

/** A string restricted to a list of values, written as `enum` rather than TypeBox's `anyOf` of `const`. */
export const StringEnum = <const T extends readonly string[]>(values: T, description?: string): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** Epoch seconds, as the identity server sends times (`long` in Java). */
export const EpochSeconds = (description: string): TSchema => Type.Integer({ description });

/** A string that the identity server may send as null (its DTOs serialise unset fields as null, contract §4.10). */
export const NullableString = (description?: string): TUnsafe<string | null> =>
  Type.Unsafe<string | null>({ type: 'string', nullable: true, ...(description ? { description } : {}) });

/** A boolean that may arrive as null. */
export const NullableBoolean = (description?: string): TUnsafe<boolean | null> =>
  Type.Unsafe<boolean | null>({ type: 'boolean', nullable: true, ...(description ? { description } : {}) });
