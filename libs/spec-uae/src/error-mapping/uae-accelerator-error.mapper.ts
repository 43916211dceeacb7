import { Injectable } from '@nestjs/common';
import { AcceleratorErrorMapper, type ErrorMappingRequest, type OutcomeOf } from '@app/contract';
import { uaeErrorBody, type UaeErrorCode } from '../shared/uae-error.js';

const ACCEPTED_STATUSES = [400, 401, 403, 404, 405, 406, 409, 415, 422, 429, 500, 501, 502, 503, 504];

/** The UAE code of an accelerator error: 400s are about the consent, 403s are access failures, others generic. */
function codeFor(status: number): UaeErrorCode {
  if (status === 400 || status === 404) {
    return 'Consent.Invalid';
  }
  if (status === 401 || status === 403) {
    return 'Consent.PermanentAccountAccessFailure';
  }
  return 'GenericError';
}

/**
 * map-accelerator-error-response (contract §4.14): the accelerator's own errors in the UAE format
 * `{"Errors":[{Code, Message}]}` (spec-rules §C.6). The UAE APIs define no 404, so "consent not found" is 400
 * Consent.Invalid; errors of the authorisation endpoints keep the OAuth format (`invalid_request`), as /par does.
 */
@Injectable()
export class UaeAcceleratorErrorMapper extends AcceleratorErrorMapper {
  handle(data: ErrorMappingRequest): Promise<OutcomeOf<'map-accelerator-error-response'>> {
    const parsed = Number.parseInt(data.error?.code ?? '', 10);
    const known = ACCEPTED_STATUSES.includes(parsed) ? parsed : 500;
    const status = known === 404 ? 400 : known;
    const description = data.error?.description?.trim() || 'The request could not be processed';
    const operation = data.error?.operation ?? '';
    if (operation.includes('authoriz') || operation.includes('authoris')) {
      return Promise.resolve({
        status: 'SUCCESS',
        errorCode: status,
        data: { error: status >= 500 ? 'server_error' : 'invalid_request', error_description: description },
      });
    }
    return Promise.resolve({ status: 'SUCCESS', errorCode: status, data: uaeErrorBody(codeFor(status), description) });
  }
}
