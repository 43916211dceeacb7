import { Inject, Injectable } from '@nestjs/common';
import type { JsonObject, Clock } from '@app/contract';
import type { SchemaViolation } from '@app/openapi-schemas';
import { isJsonObject, objectAt, stringAt } from '../shared/json.js';
import type { AaniPurposeCodes } from '../shared/aani-purpose-codes.js';
import { paymentControlsOf } from '../shared/payment-controls.js';
import type { ConsentProblem } from '../shared/uae-error.js';
import {
  AUTHORIZATION_DETAIL_SCHEMAS,
  SERVICE_INITIATION_TYPE,
  UaeOfficialSchemas,
  type AuthorizationDetailType,
} from '../schemas/uae-official-schemas.js';
import type { UaeSpecOptions } from '../uae-spec.options.js';
import { UAE_AANI_PURPOSE_CODES, UAE_SPEC_CLOCK, UAE_SPEC_OPTIONS } from '../uae-spec.tokens.js';
import { dataSharingConsentProblem } from './data-sharing-consent.rules.js';
import { creditorCountProblem } from './pii-creditor.rules.js';
import { decryptPii } from './pii-decryption.js';
import { serviceInitiationConsentProblem } from './service-initiation-consent.rules.js';
import type { UaeConsentRequest } from './uae-consent-request.js';

export type ConsentReading =
  { readonly ok: true; readonly request: UaeConsentRequest } | { readonly ok: false; readonly problem: ConsentProblem };

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
    @Inject(UAE_AANI_PURPOSE_CODES) private readonly purposeCodes: AaniPurposeCodes,
  ) {}

  /** `authorization_details` as the request-object claims carry it: an array (or its JSON text) of one item. */
  async readAuthorizationDetails(value: unknown): Promise<ConsentReading> {
    let details = value;
    if (typeof value === 'string') {
      try {
        details = JSON.parse(value) as unknown;
      } catch {
        return refused({
          code: 'Body.InvalidFormat',
          message: 'authorization_details is not JSON',
          path: 'authorization_details',
        });
      }
    }
    if (details === undefined || details === null) {
      return refused({
        code: 'Body.InvalidFormat',
        message: 'authorization_details is missing',
        path: 'authorization_details',
      });
    }
    if (!Array.isArray(details) || details.length !== 1) {
      return refused({
        code: 'Body.InvalidFormat',
        message: 'authorization_details must be an array of exactly one consent',
        path: 'authorization_details',
      });
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
      return refused({
        code: 'Body.InvalidFormat',
        message: `${path}.type must be one of ${KNOWN_TYPES.join(', ')}`,
        path: `${path}.type`,
      });
    }
    const knownType = type as AuthorizationDetailType;
    const violation = this.schemas.authorizationDetail[knownType](item);
    if (violation !== undefined) {
      return refused(schemaProblem(violation, path));
    }
    const now = this.clock.now();
    const consent = objectAt(item, 'consent') as JsonObject;
    const serviceInitiation = knownType === SERVICE_INITIATION_TYPE;
    const problem = serviceInitiation
      ? serviceInitiationConsentProblem(
          item,
          {
            now,
            allowCombinedPaymentSchedule: this.options.allowCombinedPaymentSchedule,
            purposeCodes: this.purposeCodes,
          },
          path,
        )
      : dataSharingConsentProblem(item, now, this.options, path);
    if (problem !== undefined) {
      return refused(problem);
    }
    const base = {
      type: knownType,
      item,
      consent,
      consentId: stringAt(consent, 'ConsentId') as string,
      ...(stringAt(consent, 'BaseConsentId') === undefined
        ? {}
        : { baseConsentId: stringAt(consent, 'BaseConsentId') as string }),
    };
    if (!serviceInitiation) {
      return { ok: true, request: { ...base, kind: 'account-access' } };
    }
    const pii = await this.readPii(consent, `${path}.consent.PersonalIdentifiableInformation`);
    return 'problem' in pii
      ? refused(pii.problem)
      : { ok: true, request: { ...base, kind: 'service-initiation', pii: pii.value } };
  }

  /**
   * The PII of an already-checked payment consent: a compact JWE (AEJWEPaymentPII "MUST be used when invoking the PAR
   * operation"; the schema's decoded forms only document what is inside), decrypted with the bank's key, then checked
   * against the domestic PII schema and the creditor rule of the consent's schedule.
   */
  private async readPii(
    consent: JsonObject,
    path: string,
  ): Promise<{ value: JsonObject } | { problem: ConsentProblem }> {
    const value = consent['PersonalIdentifiableInformation'];
    if (typeof value !== 'string') {
      return {
        problem: {
          code: 'Body.InvalidFormat',
          message: 'PersonalIdentifiableInformation must be a JWE in compact serialisation, never a plain object',
          path,
        },
      };
    }
    const decrypted = await decryptPii(value, this.options.piiDecryptionKey);
    if (!decrypted.ok) {
      return { problem: { code: 'JWE.DecryptionError', message: decrypted.reason, path } };
    }
    const violation = this.schemas.domesticPaymentPii(decrypted.pii);
    if (violation !== undefined) {
      return { problem: schemaProblem(violation, path) };
    }
    // The consent passed its rules, so it names a schedule this module knows.
    const controls = paymentControlsOf(consent);
    const creditorProblem = controls === undefined ? undefined : creditorCountProblem(decrypted.pii, controls, path);
    return creditorProblem === undefined ? { value: decrypted.pii } : { problem: creditorProblem };
  }
}
