import { Inject, Injectable } from '@nestjs/common';
import type { JsonObject } from '@app/contract';
import type { SchemaViolation } from '@app/openapi-schemas';
import { isJsonObject, objectAt, stringAt } from '../shared/json.js';
import type { Clock } from '../shared/clock.js';
import type { ConsentProblem } from '../shared/uae-error.js';
import { AUTHORIZATION_DETAIL_SCHEMAS, SERVICE_INITIATION_TYPE, UaeOfficialSchemas, type AuthorizationDetailType } from '../schemas/uae-official-schemas.js';
import type { UaeSpecOptions } from '../uae-spec.options.js';
import { UAE_SPEC_CLOCK, UAE_SPEC_OPTIONS } from '../uae-spec.tokens.js';
import { dataSharingConsentProblem } from './data-sharing-consent.rules.js';
import { decryptPii } from './pii-decryption.js';
import { serviceInitiationConsentProblem } from './service-initiation-consent.rules.js';
import type { UaeConsentRequest } from './uae-consent-request.js';

export type ConsentReading = { readonly ok: true; readonly request: UaeConsentRequest } | { readonly ok: false; readonly problem: ConsentProblem };

const ITEM_PATH = 'authorization_details[0]';
const KNOWN_TYPES = Object.keys(AUTHORIZATION_DETAIL_SCHEMAS) as AuthorizationDetailType[];

/** A schema violation with its path from the TPP's document root (`authorization_details[0].consent.…`). */
function schemaProblem(violation: SchemaViolation, base: string): ConsentProblem {
  if (violation.path === '') {
    return { code: 'Body.InvalidFormat', message: `${base}: ${violation.message}`, path: base };
  }
  const path = `${base}.${violation.path}`;
  return { code: 'Body.InvalidFormat', message: violation.message.replace(violation.path, path), path };
}

function refused(problem: ConsentProblem): ConsentReading {
  return { ok: false, problem };
}

/**
 * Reads the consent a TPP asks for: the RAR `authorization_details` of its request object (one item), or the same
 * item posted as a consent body on the pre-initiated route. The item is checked against the official schema, then
 * the business rules; a JWE PersonalIdentifiableInformation is decrypted and checked too.
 */
@Injectable()
export class AuthorizationDetailsReader {
  constructor(
    private readonly schemas: UaeOfficialSchemas,
    @Inject(UAE_SPEC_OPTIONS) private readonly options: UaeSpecOptions,
    @Inject(UAE_SPEC_CLOCK) private readonly clock: Clock,
  ) {}

  /** `authorization_details` as the request-object claims carry it: an array (or its JSON text) of one item. */
  async readAuthorizationDetails(value: unknown): Promise<ConsentReading> {
    let details = value;
    if (typeof value === 'string') {
      try {
        details = JSON.parse(value) as unknown;
      } catch {
        return refused({ code: 'Body.InvalidFormat', message: 'authorization_details is not JSON', path: 'authorization_details' });
      }
    }
    if (details === undefined || details === null) {
      return refused({ code: 'Body.InvalidFormat', message: 'authorization_details is missing', path: 'authorization_details' });
    }
    if (!Array.isArray(details) || details.length !== 1) {
      return refused({ code: 'Body.InvalidFormat', message: 'authorization_details must be an array of exactly one consent', path: 'authorization_details' });
    }
    return this.readItem(details[0], ITEM_PATH);
  }

  /** One `{type, consent, subscription?}` item. */
  async readItem(item: unknown, path: string): Promise<ConsentReading> {
    if (!isJsonObject(item)) {
      return refused({ code: 'Body.InvalidFormat', message: `${path} must be an object`, path });
    }
    const type = stringAt(item, 'type');
    if (type === undefined || !KNOWN_TYPES.includes(type as AuthorizationDetailType)) {
      return refused({ code: 'Body.InvalidFormat', message: `${path}.type must be one of ${KNOWN_TYPES.join(', ')}`, path: `${path}.type` });
    }
    const knownType = type as AuthorizationDetailType;
    const violation = this.schemas.authorizationDetail[knownType](item);
    if (violation !== undefined) {
      return refused(schemaProblem(violation, path));
    }
    const now = this.clock.now();
    const consent = objectAt(item, 'consent') as JsonObject;
    const serviceInitiation = knownType === SERVICE_INITIATION_TYPE;
    const problem = serviceInitiation ? serviceInitiationConsentProblem(item, now, path) : dataSharingConsentProblem(item, now, this.options, path);
    if (problem !== undefined) {
      return refused(problem);
    }
    const base = {
      type: knownType,
      item,
      consent,
      consentId: stringAt(consent, 'ConsentId') as string,
      ...(stringAt(consent, 'BaseConsentId') === undefined ? {} : { baseConsentId: stringAt(consent, 'BaseConsentId') as string }),
    };
    if (!serviceInitiation) {
      return { ok: true, request: { ...base, kind: 'account-access' } };
    }
    const pii = await this.readPii(consent['PersonalIdentifiableInformation'], `${path}.consent.PersonalIdentifiableInformation`);
    return 'problem' in pii ? refused(pii.problem) : { ok: true, request: { ...base, kind: 'service-initiation', pii: pii.value } };
  }

  private async readPii(value: unknown, path: string): Promise<{ value: JsonObject } | { problem: ConsentProblem }> {
    let pii: unknown = value;
    if (typeof value === 'string') {
      const decrypted = await decryptPii(value, this.options.piiDecryptionKey);
      if (!decrypted.ok) {
        return { problem: { code: 'JWE.DecryptionError', message: decrypted.reason, path } };
      }
      pii = decrypted.pii;
    }
    const violation = this.schemas.domesticPaymentPii(pii);
    if (violation !== undefined) {
      return { problem: schemaProblem(violation, path) };
    }
    const creditors = objectAt(pii, 'Initiation')?.['Creditor'];
    if (!Array.isArray(creditors) || creditors.length === 0) {
      return { problem: { code: 'Consent.BusinessRuleViolation', message: 'Initiation.Creditor must name at least one creditor', path: `${path}.Initiation.Creditor` } };
    }
    return { value: pii as JsonObject };
  }
}
