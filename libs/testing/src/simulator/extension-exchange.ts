import type { ExtensionName } from '@app/contract';

/*
 * A call of the client and the answer it got, as plain data: kept apart from the client so that what reads answers (the
 * envelope reading, the answer hook) needs no import of the client itself.
 */

export interface SentExtensionRequest {
  readonly extension: ExtensionName;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly requestId: string;
}

export interface ExtensionAnswer {
  readonly httpStatus: number;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly body: unknown;
  /** The body decoded as UTF-8, as the identity server decodes responses. */
  readonly rawText: string;
  readonly requestId: string;
  readonly contentType: string | undefined;
  readonly request: SentExtensionRequest;
}
