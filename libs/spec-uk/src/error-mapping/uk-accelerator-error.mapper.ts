import { Injectable } from '@nestjs/common';
import {
  AcceleratorErrorMapper,
  isAcceptedErrorCode,
  type ExtensionContext,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';
import { UkErrorCode, ukErrorBody, ukRejection, type UkRejection } from '../shared/uk-error.js';

/**
 * The accelerator's own errors (contract §4.14) as UK errors (§A.9): an unknown consent is 400 Resource.NotFound
 * (never 404), another TPP's consent 403, a missing or unknown client 401, any other 4xx 400 Field.Invalid, and
 * server errors 500 UnexpectedError.
 */
@Injectable()
export class UkAcceleratorErrorMapper extends AcceleratorErrorMapper {
  handle(
    { error = {} }: RequestDataOf<'map-accelerator-error-response'>,
    context: ExtensionContext,
  ): Promise<OutcomeOf<'map-accelerator-error-response'>> {
    const rejection = mapError(Number(error.code), error.description ?? 'The request failed');
    return Promise.resolve({
      status: 'SUCCESS',
      errorCode: rejection.status,
      data: ukErrorBody(rejection, context.requestId),
    });
  }
}

function mapError(code: number, description: string): UkRejection {
  const text = description.toLowerCase();
  if (text.includes('not found') || text.includes('valid consent id not found')) {
    return ukRejection(400, UkErrorCode.ResourceNotFound, description, 'ConsentId');
  }
  if (text.includes('does not match with the client')) {
    return ukRejection(403, UkErrorCode.ResourceNotFound, 'The consent belongs to another TPP', 'ConsentId');
  }
  if (text.includes('client id')) {
    return ukRejection(401, UkErrorCode.FieldInvalid, description);
  }
  if (text.includes('type mismatch')) {
    return ukRejection(
      400,
      UkErrorCode.ResourceNotFound,
      'No consent with this ConsentId exists at this endpoint',
      'ConsentId',
    );
  }
  if (text.includes('revoked or rejected') || text.includes('revocable status') || text.includes('required state')) {
    return ukRejection(400, UkErrorCode.ResourceInvalidConsentStatus, description);
  }
  if (Number.isInteger(code) && code >= 400 && code < 500) {
    return ukRejection(
      isAcceptedErrorCode(code) ? code : 400,
      code === 400 ? UkErrorCode.FieldInvalid : UkErrorCode.UnexpectedError,
      description,
    );
  }
  return ukRejection(500, UkErrorCode.UnexpectedError, 'An unexpected error occurred');
}
