import type { AcceptedErrorCode } from '@app/contract';

/**
 * The reason phrase of each status the identity server relays (`cmx/common/ResponseStatus`). The gateway shows it as
 * the error code of a refused API call (`validate-consent-access`).
 */
const REASON_PHRASES: { readonly [C in AcceptedErrorCode]: string } = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
};

export function reasonPhrase(code: AcceptedErrorCode): string {
  return REASON_PHRASES[code];
}
