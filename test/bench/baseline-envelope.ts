/*
 * The answer of the baseline server: an envelope of the service's shape (`responseId`, `status`, `errorCode`,
 * `data`) padded to exactly the byte size the service answers for the same call, so that the baseline writes as many
 * bytes as the service and only the framework, validation and database work differ.
 */

const PADDING_CHARACTER = 'x';

function envelopeWith(quotedRequestId: string, padding: string): string {
  return `{"responseId":${quotedRequestId},"status":"SUCCESS","errorCode":200,"data":{"padding":"${padding}"}}`;
}

/** Bytes of the envelope besides the quoted id and the padding. */
const FIXED_BYTES = envelopeWith('', '').length;

/** The envelope text for `requestId`, `targetBytes` long when that is reachable (never shorter than the bare envelope). */
export function paddedEnvelope(
  requestId: string,
  targetBytes: number,
  padding: (length: number) => string = (length) => PADDING_CHARACTER.repeat(length),
): string {
  const quotedRequestId = JSON.stringify(requestId);
  const missing = Math.max(0, targetBytes - FIXED_BYTES - Buffer.byteLength(quotedRequestId, 'utf8'));
  return envelopeWith(quotedRequestId, padding(missing));
}

/** Paddings by length, built once: the handler should not spend its time repeating characters. */
export class PaddingCache {
  private readonly paddings = new Map<number, string>();

  get(length: number): string {
    let padding = this.paddings.get(length);
    if (padding === undefined) {
      padding = PADDING_CHARACTER.repeat(length);
      this.paddings.set(length, padding);
    }
    return padding;
  }
}
