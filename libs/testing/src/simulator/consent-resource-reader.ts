import { IdentityServerFailure } from './identity-server-failure.js';
import { isJsonRecord, type JsonRecord } from './json-values.js';

/*
 * Reads the `consentResource` the service answers the way the identity server does: Gson into
 * `ExternalAPIConsentResourceResponseDTO` (contract §3.4). Gson ignores unknown keys and is lenient about scalars (a
 * number where a String is expected becomes its text, `"0"` is read as an Integer) but cannot read an object where it
 * expects a scalar. Every field may be absent; what is mandatory depends on what the identity server then does.
 */

export interface AnsweredMapping {
  readonly accountId: string | undefined;
  readonly permission: string | undefined;
  readonly status: string | undefined;
}

export interface AnsweredAuthorization {
  readonly userId: string | undefined;
  readonly type: string | undefined;
  readonly status: string | undefined;
  readonly resources: readonly AnsweredMapping[];
}

export interface AnsweredMappingAmendment {
  readonly id: string | undefined;
  readonly permission: string | undefined;
  readonly status: string | undefined;
}

export interface AnsweredAmendment {
  readonly id: string | undefined;
  readonly type: string | undefined;
  readonly status: string | undefined;
  /** Undefined when absent: the identity server iterates both lists without a null check (an NPE). */
  readonly resources: readonly AnsweredMapping[] | undefined;
  readonly amendedResources: readonly AnsweredMappingAmendment[] | undefined;
}

export interface AnsweredConsentResource {
  readonly type: string | undefined;
  readonly status: string | undefined;
  readonly frequency: number | undefined;
  readonly validityTime: number | undefined;
  readonly recurringIndicator: boolean | undefined;
  readonly receipt: JsonRecord | undefined;
  /** Values may be undefined: Gson reads a JSON null into the map, and the NOT NULL column then refuses it. */
  readonly attributes: ReadonlyMap<string, string | undefined> | undefined;
  readonly authorizations: readonly AnsweredAuthorization[] | undefined;
  readonly amendments: readonly AnsweredAmendment[] | undefined;
}

function gsonString(value: unknown, path: string): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  throw new IdentityServerFailure(
    `Gson cannot read ${path}: expected a string, got ${Array.isArray(value) ? 'an array' : 'an object'}`,
  );
}

function gsonInteger(value: unknown, path: string): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const numeric = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof numeric === 'number' && Number.isInteger(numeric)) {
    return numeric;
  }
  throw new IdentityServerFailure(`Gson cannot read ${path}: expected an integer, got ${JSON.stringify(value)}`);
}

function gsonBoolean(value: unknown, path: string): boolean | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    // Gson's Boolean adapter reads a string with Boolean.parseBoolean: only "true" (any case) is true.
    return value.toLowerCase() === 'true';
  }
  throw new IdentityServerFailure(`Gson cannot read ${path}: expected a boolean, got ${JSON.stringify(value)}`);
}

function gsonObject(value: unknown, path: string): JsonRecord | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (isJsonRecord(value)) {
    return value;
  }
  throw new IdentityServerFailure(`Cannot read ${path}: expected an object, got ${JSON.stringify(value)}`);
}

function gsonList<T>(value: unknown, path: string, readItem: (item: unknown, itemPath: string) => T): T[] | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new IdentityServerFailure(`Gson cannot read ${path}: expected an array`);
  }
  return value.map((item: unknown, index) => readItem(item, `${path}[${index}]`));
}

function readMapping(item: unknown, path: string): AnsweredMapping {
  const mapping = gsonObject(item, path) ?? {};
  return {
    accountId: gsonString(mapping.accountId, `${path}.accountId`),
    permission: gsonString(mapping.permission, `${path}.permission`),
    status: gsonString(mapping.status, `${path}.status`),
  };
}

function readAuthorization(item: unknown, path: string): AnsweredAuthorization {
  const authorization = gsonObject(item, path) ?? {};
  return {
    userId: gsonString(authorization.userId, `${path}.userId`),
    type: gsonString(authorization.type, `${path}.type`),
    status: gsonString(authorization.status, `${path}.status`),
    resources: gsonList(authorization.resources, `${path}.resources`, readMapping) ?? [],
  };
}

function readMappingAmendment(item: unknown, path: string): AnsweredMappingAmendment {
  const amendment = gsonObject(item, path) ?? {};
  return {
    id: gsonString(amendment.id, `${path}.id`),
    permission: gsonString(amendment.permission, `${path}.permission`),
    status: gsonString(amendment.status, `${path}.status`),
  };
}

function readAmendment(item: unknown, path: string): AnsweredAmendment {
  const amendment = gsonObject(item, path) ?? {};
  return {
    id: gsonString(amendment.id, `${path}.id`),
    type: gsonString(amendment.type, `${path}.type`),
    status: gsonString(amendment.status, `${path}.status`),
    resources: gsonList(amendment.resources, `${path}.resources`, readMapping),
    amendedResources: gsonList(amendment.amendedResources, `${path}.amendedResources`, readMappingAmendment),
  };
}

function readAttributes(value: unknown, path: string): Map<string, string | undefined> | undefined {
  const attributes = gsonObject(value, path);
  if (attributes === undefined) {
    return undefined;
  }
  return new Map(Object.entries(attributes).map(([key, member]) => [key, gsonString(member, `${path}.${key}`)]));
}

export function readAnsweredConsentResource(value: unknown): AnsweredConsentResource {
  const path = 'data.consentResource';
  const resource = gsonObject(value, path);
  if (resource === undefined) {
    throw new IdentityServerFailure(`${path} is missing: the identity server dereferences it (NullPointerException)`);
  }
  return {
    type: gsonString(resource.type, `${path}.type`),
    status: gsonString(resource.status, `${path}.status`),
    frequency: gsonInteger(resource.frequency, `${path}.frequency`),
    validityTime: gsonInteger(resource.validityTime, `${path}.validityTime`),
    recurringIndicator: gsonBoolean(resource.recurringIndicator, `${path}.recurringIndicator`),
    receipt: gsonObject(resource.receipt, `${path}.receipt`),
    attributes: readAttributes(resource.attributes, `${path}.attributes`),
    authorizations: gsonList(resource.authorizations, `${path}.authorizations`, readAuthorization),
    amendments: gsonList(resource.amendments, `${path}.amendments`, readAmendment),
  };
}
