import { randomUUID } from 'node:crypto';
import {
  readAnsweredConsentResource,
  type AnsweredAmendment,
  type AnsweredAuthorization,
  type AnsweredConsentResource,
  type AnsweredMapping,
} from './consent-resource-reader.js';
import { IdentityServerFailure } from './identity-server-failure.js';
import type { JsonRecord } from './json-values.js';

/*
 * An in-memory model of the identity server's consent database (FS_CONSENT, FS_CONSENT_AUTH_RESOURCE,
 * FS_CONSENT_MAPPING, FS_CONSENT_ATTRIBUTE) and of how the Java callers change it from our answers
 * (`ExternalAPIUtil`, `ConsentCoreServiceImpl`; contract §3.4, §4.1, §4.4, §4.10). The identity server, not the
 * service, generates every id and every time (epoch seconds).
 */

export interface StoredMapping {
  readonly id: string;
  accountId: string;
  permission: string;
  status: string;
}

export interface StoredAuthorization {
  readonly id: string;
  userId: string | undefined;
  type: string;
  status: string;
  updatedTime: number;
  readonly mappings: StoredMapping[];
}

export interface StoredConsent {
  readonly id: string;
  readonly clientId: string;
  type: string;
  status: string;
  frequency: number;
  validityTime: number;
  recurringIndicator: boolean;
  receipt: JsonRecord;
  readonly attributes: Map<string, string>;
  readonly createdTime: number;
  updatedTime: number;
  readonly authorizations: StoredAuthorization[];
}

/** `{id, accountId, permission, status}` as `ExternalAPIConsentResourceRequestDTO` sends a mapping. */
export type ConsentMappingView = {
  readonly id: string;
  readonly accountId: string;
  readonly permission: string;
  readonly status: string;
};

/** An authorization of the detailed variant; `userId` is omitted while it is null (contract §3.1). */
export type AuthorizationView = {
  readonly id: string;
  readonly userId?: string;
  readonly type: string;
  readonly status: string;
  readonly resources: readonly ConsentMappingView[];
};

/** The `consentResource` the identity server sends: basic (no `authorizations`) or detailed. */
export type ConsentResourceView = {
  readonly id: string;
  readonly clientId: string;
  readonly type: string;
  readonly status: string;
  readonly frequency: number;
  readonly validityTime: number;
  readonly createdTime: number;
  readonly updatedTime: number;
  readonly recurringIndicator: boolean;
  readonly receipt: JsonRecord;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly authorizations?: readonly AuthorizationView[];
};

export interface RevocationDecision {
  readonly revocationStatusName: string;
  readonly requireTokenRevocation: boolean;
}

export interface ConsentStoreOptions {
  /** Epoch seconds; injectable so that tests can pin times. */
  readonly now?: () => number;
  readonly newId?: () => string;
}

/** Columns are VARCHAR(64) for type and status, VARCHAR(255) for attribute values (consent/*.sql). */
const TYPE_AND_STATUS_MAX_LENGTH = 64;
const ATTRIBUTE_VALUE_MAX_LENGTH = 255;

function requireColumn(value: string | undefined, column: string): string {
  if (value === undefined) {
    throw new IdentityServerFailure(`${column} is null: the column is NOT NULL, the insert fails and is rolled back`);
  }
  return value;
}

function requireShortColumn(value: string | undefined, column: string): string {
  const present = requireColumn(value, column);
  if (present.length > TYPE_AND_STATUS_MAX_LENGTH) {
    throw new IdentityServerFailure(
      `${column} is longer than ${TYPE_AND_STATUS_MAX_LENGTH} characters: the insert fails`,
    );
  }
  return present;
}

function requirePrimitive<T>(value: T | undefined, field: string): T {
  if (value === undefined) {
    throw new IdentityServerFailure(
      `consentResource.${field} is missing: the identity server unboxes it to a primitive (NullPointerException)`,
    );
  }
  return value;
}

/** Attribute rows as they would be inserted: non-null values of at most 255 characters. */
function attributeRows(attributes: ReadonlyMap<string, string | undefined> | undefined): Map<string, string> {
  const rows = new Map<string, string>();
  for (const [key, value] of attributes ?? []) {
    if (value === undefined) {
      throw new IdentityServerFailure(`attribute "${key}" is null: FS_CONSENT_ATTRIBUTE.ATT_VALUE is NOT NULL`);
    }
    if (value.length > ATTRIBUTE_VALUE_MAX_LENGTH) {
      throw new IdentityServerFailure(`attribute "${key}" is longer than ${ATTRIBUTE_VALUE_MAX_LENGTH} characters`);
    }
    rows.set(key, value);
  }
  return rows;
}

function mappingView(mapping: StoredMapping): ConsentMappingView {
  return { id: mapping.id, accountId: mapping.accountId, permission: mapping.permission, status: mapping.status };
}

function authorizationView(authorization: StoredAuthorization): AuthorizationView {
  return {
    id: authorization.id,
    ...(authorization.userId === undefined ? {} : { userId: authorization.userId }),
    type: authorization.type,
    status: authorization.status,
    resources: authorization.mappings.map(mappingView),
  };
}

export class ConsentStore {
  private readonly consents = new Map<string, StoredConsent>();
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(options: ConsentStoreOptions = {}) {
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
    this.newId = options.newId ?? randomUUID;
  }

  find(consentId: string): StoredConsent | undefined {
    const consent = this.consents.get(consentId);
    return consent === undefined ? undefined : structuredClone(consent);
  }

  get(consentId: string): StoredConsent {
    const consent = this.find(consentId);
    if (consent === undefined) {
      throw new IdentityServerFailure(
        `Consent ${consentId} does not exist: the identity server answers "Consent not found"`,
      );
    }
    return consent;
  }

  /**
   * pre-process-consent-creation SUCCESS (`storeDetailedConsentResource`): a new consent with generated ids, the
   * client id from `x-wso2-client-id`, and the idempotency key attribute when the TPP sent one.
   */
  createConsent(answeredResource: unknown, clientId: string, idempotencyKey?: string): StoredConsent {
    const answer = readAnsweredConsentResource(answeredResource);
    const attributes = attributeRows(answer.attributes);
    if (idempotencyKey !== undefined) {
      if (attributes.has('IdempotencyKey')) {
        throw new IdentityServerFailure(
          'attribute "IdempotencyKey" inserted twice: primary-key violation, the creation is rolled back',
        );
      }
      attributes.set('IdempotencyKey', idempotencyKey);
    }
    const time = this.now();
    const consent: StoredConsent = {
      id: this.newId(),
      clientId,
      type: requireShortColumn(answer.type, 'consentResource.type'),
      status: requireShortColumn(answer.status, 'consentResource.status'),
      frequency: requirePrimitive(answer.frequency, 'frequency'),
      validityTime: requirePrimitive(answer.validityTime, 'validityTime'),
      recurringIndicator: requirePrimitive(answer.recurringIndicator, 'recurringIndicator'),
      // `new JSONObject(receipt)` of a null receipt is `{}`; the column itself is NOT NULL.
      receipt: answer.receipt ?? {},
      attributes,
      createdTime: time,
      updatedTime: time,
      authorizations: (answer.authorizations ?? []).map((authorization, index) =>
        this.newAuthorization(authorization, `consentResource.authorizations[${index}]`, time),
      ),
    };
    this.consents.set(consent.id, consent);
    return structuredClone(consent);
  }

  /** The basic variant (no `authorizations`); admin revoke loads no attributes, so it sends none (contract §3.1). */
  basicView(consentId: string, options: { readonly withAttributes: boolean }): ConsentResourceView {
    const consent = this.stored(consentId);
    return {
      id: consent.id,
      clientId: consent.clientId,
      type: consent.type,
      status: consent.status,
      frequency: consent.frequency,
      validityTime: consent.validityTime,
      createdTime: consent.createdTime,
      updatedTime: consent.updatedTime,
      recurringIndicator: consent.recurringIndicator,
      receipt: structuredClone(consent.receipt),
      ...(options.withAttributes ? { attributes: Object.fromEntries(consent.attributes) } : {}),
    };
  }

  /** The detailed variant: attributes plus authorizations with their mappings. */
  detailedView(consentId: string): ConsentResourceView {
    const consent = this.stored(consentId);
    return {
      ...this.basicView(consentId, { withAttributes: true }),
      authorizations: consent.authorizations.map(authorizationView),
    };
  }

  /**
   * persist-authorized-consent SUCCESS for a pre-initiated consent (`constructDetailedConsentResource` then
   * `updateConsentAndCreateAuthResources`, then the amendments). Validated completely before anything changes, as the
   * identity server's transaction would roll back.
   */
  applyPersist(consentId: string, answeredResource: unknown, loggedInUserId: string): void {
    const consent = this.stored(consentId);
    const answer = readAnsweredConsentResource(answeredResource);
    const time = this.now();
    const addedAttributes = attributeRows(answer.attributes);
    for (const key of addedAttributes.keys()) {
      if (consent.attributes.has(key)) {
        throw new IdentityServerFailure(
          `attribute "${key}" already exists on consent ${consentId}: primary-key violation, the persist is rolled back`,
        );
      }
    }
    const primary = this.primaryAuthorization(consent, loggedInUserId);
    const updated = structuredClone(consent);
    for (const [index, authorization] of (answer.authorizations ?? []).entries()) {
      const path = `consentResource.authorizations[${index}]`;
      // Only an exact userId match reuses the primary authorization; anything else is a new row (multi-authorisation).
      const reused =
        primary !== undefined && authorization.userId === loggedInUserId
          ? updated.authorizations.find((candidate) => candidate.id === primary.id)
          : undefined;
      if (reused) {
        reused.userId = authorization.userId;
        reused.status = requireShortColumn(authorization.status, `${path}.status`);
        reused.updatedTime = time;
        reused.mappings.push(
          ...authorization.resources.map((mapping, mappingIndex) =>
            this.newMapping(mapping, `${path}.resources[${mappingIndex}]`),
          ),
        );
      } else {
        updated.authorizations.push(this.newAuthorization(authorization, path, time));
      }
    }
    this.applyAmendments(updated, answer.amendments, time);
    this.applyScalars(updated, answer);
    for (const [key, value] of addedAttributes) {
      updated.attributes.set(key, value);
    }
    updated.updatedTime = time;
    this.consents.set(consentId, updated);
  }

  /** pre-process-consent-revoke SUCCESS (`revokeConsentWithReason`): new status, every mapping inactive. */
  applyRevocation(consentId: string, decision: RevocationDecision): void {
    const consent = this.stored(consentId);
    if (decision.revocationStatusName.trim() === '') {
      throw new IdentityServerFailure('Consent ID or new consent status is missing, cannot proceed');
    }
    if (
      decision.requireTokenRevocation &&
      consent.authorizations.every((authorization) => authorization.userId === undefined)
    ) {
      throw new IdentityServerFailure(
        'User ID is required for token revocation: no authorization of the consent has a user',
      );
    }
    const time = this.now();
    consent.status = requireShortColumn(decision.revocationStatusName, 'revocationStatusName');
    consent.updatedTime = time;
    for (const authorization of consent.authorizations) {
      for (const mapping of authorization.mappings) {
        mapping.status = 'inactive';
      }
    }
  }

  /** `newConsentStatus` of a populate or persist ERROR (`updateConsentStatus`). */
  updateStatus(consentId: string, status: string): void {
    const consent = this.stored(consentId);
    consent.status = requireShortColumn(status, 'newConsentStatus');
    consent.updatedTime = this.now();
  }

  /**
   * "Primary" is the single existing authorization (whatever its user), or else the one of the logged-in user
   * (`ExternalAPIConsentPersistStep.persistConsent`).
   */
  private primaryAuthorization(consent: StoredConsent, loggedInUserId: string): StoredAuthorization | undefined {
    if (consent.authorizations.length === 1) {
      return consent.authorizations[0];
    }
    return consent.authorizations.find((authorization) => authorization.userId === loggedInUserId);
  }

  private applyScalars(consent: StoredConsent, answer: AnsweredConsentResource): void {
    // Every scalar falls back to the stored value when the answer leaves it out.
    if (answer.type !== undefined) {
      consent.type = requireShortColumn(answer.type, 'consentResource.type');
    }
    if (answer.status !== undefined) {
      consent.status = requireShortColumn(answer.status, 'consentResource.status');
    }
    consent.frequency = answer.frequency ?? consent.frequency;
    consent.validityTime = answer.validityTime ?? consent.validityTime;
    consent.recurringIndicator = answer.recurringIndicator ?? consent.recurringIndicator;
    consent.receipt = answer.receipt ?? consent.receipt;
  }

  private applyAmendments(
    consent: StoredConsent,
    amendments: readonly AnsweredAmendment[] | undefined,
    time: number,
  ): void {
    for (const [index, amendment] of (amendments ?? []).entries()) {
      const path = `consentResource.amendments[${index}]`;
      if (amendment.resources === undefined || amendment.amendedResources === undefined) {
        throw new IdentityServerFailure(
          `${path}.resources and .amendedResources are iterated without a null check: send [] (NullPointerException)`,
        );
      }
      const authorization = consent.authorizations.find((candidate) => candidate.id === amendment.id);
      if (authorization === undefined) {
        throw new IdentityServerFailure(
          `${path}.id ${JSON.stringify(amendment.id)} is not an authorization of the consent`,
        );
      }
      authorization.type = requireShortColumn(amendment.type, `${path}.type`);
      authorization.status = requireShortColumn(amendment.status, `${path}.status`);
      authorization.updatedTime = time;
      authorization.mappings.push(
        ...amendment.resources.map((mapping, mappingIndex) =>
          this.newMapping(mapping, `${path}.resources[${mappingIndex}]`),
        ),
      );
      for (const [amendedIndex, amended] of amendment.amendedResources.entries()) {
        const mapping = consent.authorizations
          .flatMap((candidate) => candidate.mappings)
          .find((candidate) => candidate.id === amended.id);
        if (mapping === undefined) {
          throw new IdentityServerFailure(
            `${path}.amendedResources[${amendedIndex}].id ${JSON.stringify(amended.id)} is not a mapping of the consent`,
          );
        }
        mapping.permission = requireColumn(amended.permission, `${path}.amendedResources[${amendedIndex}].permission`);
        mapping.status = requireColumn(amended.status, `${path}.amendedResources[${amendedIndex}].status`);
      }
    }
  }

  private newAuthorization(authorization: AnsweredAuthorization, path: string, time: number): StoredAuthorization {
    return {
      id: this.newId(),
      userId: authorization.userId,
      type: requireShortColumn(authorization.type, `${path}.type`),
      status: requireShortColumn(authorization.status, `${path}.status`),
      updatedTime: time,
      mappings: authorization.resources.map((mapping, index) =>
        this.newMapping(mapping, `${path}.resources[${index}]`),
      ),
    };
  }

  private newMapping(mapping: AnsweredMapping, path: string): StoredMapping {
    return {
      id: this.newId(),
      accountId: requireColumn(mapping.accountId, `${path}.accountId`),
      permission: requireColumn(mapping.permission, `${path}.permission`),
      status: requireColumn(mapping.status, `${path}.status`),
    };
  }

  private stored(consentId: string): StoredConsent {
    const consent = this.consents.get(consentId);
    if (consent === undefined) {
      throw new IdentityServerFailure(
        `Consent ${consentId} does not exist: the identity server answers "Consent not found"`,
      );
    }
    return consent;
  }
}
