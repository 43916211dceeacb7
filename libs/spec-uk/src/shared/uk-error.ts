import { fail, type AcceptedErrorCode, type ExtensionFailure, type JsonObject } from '@app/contract';

/** The v3.1.x error codes of UK Open Banking (`OBErrorResponseError1Code`, spec-rules §A.9). */
export const UkErrorCode = {
  FieldExpected: 'UK.OBIE.Field.Expected',
  FieldInvalid: 'UK.OBIE.Field.Invalid',
  FieldInvalidDate: 'UK.OBIE.Field.InvalidDate',
  FieldMissing: 'UK.OBIE.Field.Missing',
  FieldUnexpected: 'UK.OBIE.Field.Unexpected',
  HeaderInvalid: 'UK.OBIE.Header.Invalid',
  HeaderMissing: 'UK.OBIE.Header.Missing',
  ResourceConsentMismatch: 'UK.OBIE.Resource.ConsentMismatch',
  ResourceInvalidConsentStatus: 'UK.OBIE.Resource.InvalidConsentStatus',
  ResourceInvalidFormat: 'UK.OBIE.Resource.InvalidFormat',
  ResourceNotFound: 'UK.OBIE.Resource.NotFound',
  RulesDuplicateReference: 'UK.OBIE.Rules.DuplicateReference',
  RulesFailsControlParameters: 'UK.OBIE.Rules.FailsControlParameters',
  SignatureInvalid: 'UK.OBIE.Signature.Invalid',
  SignatureInvalidClaim: 'UK.OBIE.Signature.InvalidClaim',
  SignatureMissingClaim: 'UK.OBIE.Signature.MissingClaim',
  SignatureMalformed: 'UK.OBIE.Signature.Malformed',
  SignatureMissing: 'UK.OBIE.Signature.Missing',
  UnsupportedAccountIdentifier: 'UK.OBIE.Unsupported.AccountIdentifier',
  UnsupportedCurrency: 'UK.OBIE.Unsupported.Currency',
  UnsupportedFrequency: 'UK.OBIE.Unsupported.Frequency',
  UnsupportedLocalInstrument: 'UK.OBIE.Unsupported.LocalInstrument',
  UnsupportedScheme: 'UK.OBIE.Unsupported.Scheme',
  UnexpectedError: 'UK.OBIE.UnexpectedError',
} as const;

export type UkErrorCode = (typeof UkErrorCode)[keyof typeof UkErrorCode];

/** One entry of `Errors`: what is wrong, where. */
export interface UkError {
  readonly code: UkErrorCode;
  readonly message: string;
  /** The JSON path of the field or the name of the header or claim, when there is one. */
  readonly path?: string;
}

/** A UK error with the HTTP status it is answered with. */
export interface UkRejection extends UkError {
  readonly status: AcceptedErrorCode;
}

export function ukRejection(status: AcceptedErrorCode, code: UkErrorCode, message: string, path?: string): UkRejection {
  return { status, code, message, ...(path === undefined ? {} : { path }) };
}

/** `Code` of the body: the status and its name without spaces, as in the standard's examples (`400 BadRequest`). */
const STATUS_NAMES: Partial<Record<AcceptedErrorCode, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  501: 'NotImplemented',
  503: 'ServiceUnavailable',
};

const SUMMARIES: Partial<Record<AcceptedErrorCode, string>> = {
  400: 'Invalid request parameters.',
  403: 'The request is not allowed for this TPP or consent.',
  404: 'The requested resource does not exist.',
  405: 'The method is not allowed on this resource.',
  413: 'The request is larger than the bank accepts.',
  500: 'An unexpected error occurred.',
  501: 'The bank does not offer this operation.',
};

const MAX_MESSAGE = 500;
const MAX_ID = 40;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * `OBErrorResponse1`: `{Code, Id, Message, Errors:[{ErrorCode, Message, Path}]}`. `Id` is the identity server's request
 * id when it fits the schema's 40 characters, so the TPP's error can be found in our audit trail and logs.
 */
export function ukErrorBody(rejection: UkRejection, id: string): JsonObject {
  return {
    Code: `${rejection.status} ${STATUS_NAMES[rejection.status] ?? 'Error'}`,
    Id: clip(id === '' ? 'unknown' : id, MAX_ID),
    Message: SUMMARIES[rejection.status] ?? 'The request failed.',
    Errors: [
      {
        ErrorCode: rejection.code,
        Message: clip(rejection.message, MAX_MESSAGE),
        ...(rejection.path === undefined ? {} : { Path: clip(rejection.path, MAX_MESSAGE) }),
      },
    ],
  };
}

/** A relayed ERROR of the consent manage points: the TPP receives `status` with the UK body. */
export function ukFailure(rejection: UkRejection, requestId: string): ExtensionFailure<JsonObject> {
  return fail(rejection.status, ukErrorBody(rejection, requestId));
}
