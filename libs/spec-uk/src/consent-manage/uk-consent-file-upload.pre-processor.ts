import { Inject, Injectable } from '@nestjs/common';
import {
  ConsentFileUploadPreProcessor,
  succeed,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
  type StoredConsentResource,
  type Clock,
} from '@app/contract';
import { UK_OFFICIAL_SCHEMAS, UK_SPEC_CLOCK, UK_SPEC_OPTIONS } from '../uk-spec.tokens.js';
import type { UkSpecOptions } from '../uk-spec.options.js';
import type { UkOfficialSchemas } from '../schemas/uk-official-schemas.js';
import { managingClientId } from '../shared/consent-owner.js';
import { headerValue, nonEmptyString, objectAt, stringAt } from '../shared/json.js';
import { UkErrorCode, ukFailure, ukRejection, type UkRejection } from '../shared/uk-error.js';
import { UkConsentStatus } from '../shared/uk-status.js';
import { idempotencyKeyRejection } from './creation/idempotency-key.rule.js';
import { fileAgainstConsentRejection } from './file/file-against-consent.rules.js';
import { fileHashMatches } from './file/file-hash.js';
import { readPaymentFile } from './file/payment-file-reader.js';
import { summarisePaymentFile } from './file/payment-file-summary.js';
import { fileConsentRejection } from './file/uploaded-file.checks.js';
import { JwsSignatureVerifier } from './signature/jws-signature.verifier.js';

type UploadRequest = RequestDataOf<'pre-process-consent-file-upload'>;

/**
 * `POST /file-payment-consents/{ConsentId}/file` (contract §4.6): the file of a consent awaiting it, with the headers
 * of an idempotent, signed request, at most UK_FILE_MAX_BYTES, whose SHA-256 is the consent's FileHash, readable as
 * its FileType, and agreeing with the consent's NumberOfTransactions, ControlSum and DebtorAccount. Accepted, the
 * consent becomes AwaitingAuthorisation. The signature, when this service checks it, is verified over the file's text,
 * which the identity server forwards as it received it (unlike JSON bodies).
 */
@Injectable()
export class UkConsentFileUploadPreProcessor extends ConsentFileUploadPreProcessor {
  constructor(
    @Inject(UK_OFFICIAL_SCHEMAS) private readonly schemas: UkOfficialSchemas,
    @Inject(UK_SPEC_OPTIONS) private readonly options: UkSpecOptions,
    @Inject(UK_SPEC_CLOCK) private readonly clock: Clock,
    @Inject(JwsSignatureVerifier) private readonly signatures: JwsSignatureVerifier,
  ) {
    super();
  }

  async handle(data: UploadRequest, context: ExtensionContext): Promise<OutcomeOf<'pre-process-consent-file-upload'>> {
    const refusal = await this.refusal(data);
    if (refusal !== undefined) {
      return ukFailure(refusal, context.requestId);
    }
    const userId = auditUser(data.consentResource, data.requestHeaders);
    return succeed({
      consentStatus: UkConsentStatus.AwaitingAuthorisation,
      ...(userId === undefined ? {} : { userId }),
    });
  }

  private async refusal({
    consentResourcePath,
    consentResource,
    fileContent,
    requestHeaders,
  }: UploadRequest): Promise<UkRejection | undefined> {
    const stored = fileConsentRejection(consentResourcePath, consentResource, requestHeaders);
    if (stored !== undefined || consentResource === undefined) {
      return (
        stored ??
        ukRejection(
          400,
          UkErrorCode.ResourceNotFound,
          'No file-payment consent with this ConsentId exists',
          'ConsentId',
        )
      );
    }
    if (consentResource.status !== UkConsentStatus.AwaitingUpload) {
      return ukRejection(
        400,
        UkErrorCode.ResourceInvalidConsentStatus,
        `A file is uploaded once, to a consent AwaitingUpload; this one is ${String(consentResource.status)}`,
      );
    }
    const keyProblem = idempotencyKeyRejection(headerValue(requestHeaders, 'x-idempotency-key'));
    if (keyProblem !== undefined) {
      return keyProblem;
    }
    if (fileContent === undefined || fileContent === '') {
      return ukRejection(400, UkErrorCode.ResourceInvalidFormat, 'The request carries no file');
    }
    if (this.options.verifySignatures) {
      const signatureProblem = await this.signatures.verifyContent(
        headerValue(requestHeaders, 'x-jws-signature'),
        fileContent,
        managingClientId(requestHeaders),
      );
      if (signatureProblem !== undefined) {
        return signatureProblem;
      }
    }
    return this.fileRejection(fileContent, consentResource);
  }

  private fileRejection(fileContent: string, consent: StoredConsentResource): UkRejection | undefined {
    const size = Buffer.byteLength(fileContent, 'utf8');
    if (size > this.options.fileMaxBytes) {
      return ukRejection(
        413,
        UkErrorCode.ResourceInvalidFormat,
        `The file has ${size} bytes; the bank accepts files of at most ${this.options.fileMaxBytes} bytes`,
      );
    }
    const initiation = objectAt(objectAt(consent.receipt, 'Data'), 'Initiation');
    if (!fileHashMatches(fileContent, stringAt(initiation, 'FileHash') ?? '')) {
      return ukRejection(
        400,
        UkErrorCode.ResourceConsentMismatch,
        "The file's SHA-256 is not the consent's FileHash",
        'Data.Initiation.FileHash',
      );
    }
    const reading = readPaymentFile(stringAt(initiation, 'FileType'), fileContent, {
      domesticPaymentCheck: this.schemas.domesticPaymentCheck,
      rules: { nowMillis: this.clock.now(), options: this.options },
    });
    return 'rejection' in reading
      ? reading.rejection
      : fileAgainstConsentRejection(summarisePaymentFile(reading.contents), initiation);
  }
}

/**
 * The user of the identity server's audit record of the upload: the consent's first user when it has one, as the
 * accelerator does, otherwise the TPP that uploads (no customer has seen the consent yet).
 */
function auditUser(
  consent: StoredConsentResource | undefined,
  requestHeaders: Readonly<Record<string, string>> | undefined,
): string | undefined {
  return (
    nonEmptyString(
      consent?.authorizations?.find((authorization) => nonEmptyString(authorization.userId) !== undefined)?.userId,
    ) ??
    managingClientId(requestHeaders) ??
    nonEmptyString(consent?.clientId)
  );
}
