import { Injectable } from '@nestjs/common';
import {
  AcceleratorErrorMapper,
  isAcceptedErrorCode,
  type AcceptedErrorCode,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { unknownConsentError } from '../shared/consent-owner.js';
import { berlinError, tppErrorBody, type BerlinError, type BerlinMessageCode } from '../shared/tpp-messages.js';

/** Operations of the identity server whose consent id is in the TPP's path (GET, DELETE, file). */
const PATH_ID_OPERATIONS = new Set([
  'consent_retrieve',
  'consent_delete',
  'consent_revoke',
  'consent_file_retrieve',
  'consent_file_upload',
]);

/** The Berlin Group code of each HTTP status when no more specific rule applies (psd2-api 1.3.8 MessageCode enums). */
const CODE_BY_STATUS: Readonly<Record<number, BerlinMessageCode>> = {
  400: 'FORMAT_ERROR',
  401: 'TOKEN_INVALID',
  403: 'SERVICE_BLOCKED',
  404: 'RESOURCE_UNKNOWN',
  405: 'SERVICE_INVALID',
  406: 'REQUESTED_FORMATS_INVALID',
  409: 'STATUS_INVALID',
  429: 'ACCESS_EXCEEDED',
};

/**
 * map-accelerator-error-response: the identity server's own errors (client id missing or mismatched, consent not
 * found, …) in the Berlin Group format. CONSENT_UNKNOWN is 403 when the id is in the path and 400 otherwise (§B.7);
 * a consent of another TPP is unknown to this one. Server errors keep their status with a generic text.
 */
@Injectable()
export class BerlinAcceleratorErrorMapper extends AcceleratorErrorMapper {
  handle({
    error = {},
  }: RequestDataOf<'map-accelerator-error-response'>): Promise<OutcomeOf<'map-accelerator-error-response'>> {
    const mapped = mapError(Number(error.code), error.description ?? '', error.operation ?? '');
    return Promise.resolve({ status: 'SUCCESS', data: tppErrorBody(mapped), errorCode: mapped.httpStatus });
  }
}

function mapError(code: number, description: string, operation: string): BerlinError {
  const status: AcceptedErrorCode = isAcceptedErrorCode(code) ? code : 500;
  if (/consent not found|does not match with the client id/i.test(description)) {
    return unknownConsentError(PATH_ID_OPERATIONS.has(operation) ? 403 : 400);
  }
  if (status >= 500) {
    return berlinError(status, 'SERVICE_BLOCKED', 'The ASPSP could not process the request; try again later');
  }
  const mappedCode = CODE_BY_STATUS[status] ?? 'FORMAT_ERROR';
  return berlinError(
    CODE_BY_STATUS[status] === undefined ? 400 : status,
    mappedCode,
    description === '' ? 'The request was refused' : description,
  );
}
