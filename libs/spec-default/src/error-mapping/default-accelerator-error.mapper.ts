import { Injectable } from '@nestjs/common';
import {
  AcceleratorErrorMapper,
  isAcceptedErrorCode,
  succeed,
  type JsonObject,
  type OutcomeOf,
  type RequestDataOf,
} from '@app/contract';

const HTTP_STATUS = /^\d{3}$/;

/** The status the accelerator falls back to when it cannot relay an error's own (contract §2.8). */
const SERVER_ERROR = 500;

/**
 * The accelerator's own error body `{error: {code, message: <operation>, description}}` (contract §7.3), sent with
 * the error's status when the consent endpoints can relay it (`ResponseStatus`), otherwise with 500, which is what a
 * client of the accelerator gets for such a code.
 */
@Injectable()
export class DefaultAcceleratorErrorMapper extends AcceleratorErrorMapper {
  handle({
    error = {},
  }: RequestDataOf<'map-accelerator-error-response'>): Promise<OutcomeOf<'map-accelerator-error-response'>> {
    const status = relayableStatus(error.code);
    const body: JsonObject = {
      code: error.code ?? String(status),
      ...(error.operation === undefined ? {} : { message: error.operation }),
      ...(error.description === undefined ? {} : { description: error.description }),
    };
    return Promise.resolve({ ...succeed({ error: body }), errorCode: status });
  }
}

function relayableStatus(code: string | undefined): number {
  const status = code !== undefined && HTTP_STATUS.test(code) ? Number(code) : SERVER_ERROR;
  return isAcceptedErrorCode(status) ? status : SERVER_ERROR;
}
