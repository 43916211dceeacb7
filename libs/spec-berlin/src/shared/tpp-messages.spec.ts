import { fileURLToPath } from 'node:url';
import { loadOfficialOpenApiDocument } from '@app/openapi-schemas';
import { OFFICIAL_ERROR_CODES_FILE } from './berlin-schemas.js';
import { berlinError, relayedFailure, type BerlinMessageCode } from './tpp-messages.js';

/** Every (HTTP status, code) pair the module sends, with the service whose MessageCode list must hold it. */
const PAIRS_SENT: ReadonlyArray<readonly [number, BerlinMessageCode]> = [
  [400, 'FORMAT_ERROR'],
  [400, 'SERVICE_INVALID'],
  [400, 'CONSENT_UNKNOWN'],
  [400, 'SESSIONS_NOT_SUPPORTED'],
  [400, 'EXECUTION_DATE_INVALID'],
  [401, 'CONSENT_INVALID'],
  [401, 'CONSENT_EXPIRED'],
  [401, 'SIGNATURE_INVALID'],
  [401, 'SIGNATURE_MISSING'],
  [401, 'CERTIFICATE_MISSING'],
  [401, 'TOKEN_INVALID'],
  [403, 'CONSENT_UNKNOWN'],
  [403, 'RESOURCE_UNKNOWN'],
  [403, 'SERVICE_BLOCKED'],
  [404, 'RESOURCE_UNKNOWN'],
  [404, 'PRODUCT_UNKNOWN'],
  [405, 'SERVICE_INVALID'],
  [405, 'CANCELLATION_INVALID'],
  [406, 'REQUESTED_FORMATS_INVALID'],
  [409, 'STATUS_INVALID'],
  [429, 'ACCESS_EXCEEDED'],
];

describe('Berlin Group error codes', () => {
  const schemas = (
    loadOfficialOpenApiDocument(fileURLToPath(OFFICIAL_ERROR_CODES_FILE)).document['components'] as {
      schemas: Record<string, { enum?: string[] }>;
    }
  ).schemas;

  it.each(PAIRS_SENT)('HTTP %s %s is a standard code of that status in psd2-api 1.3.8', (status, code) => {
    const lists = Object.entries(schemas).filter(([name]) => name.startsWith(`MessageCode${status}_`));
    expect(lists.some(([, schema]) => (schema.enum ?? []).includes(code))).toBe(true);
  });

  it('builds the tppMessages body, with the path only when there is one, and a text of at most 500 characters', () => {
    expect(
      relayedFailure(berlinError(400, 'FORMAT_ERROR', "Value 'validUntil' should not be in the past", 'validUntil')),
    ).toEqual({
      status: 'ERROR',
      errorCode: 400,
      data: {
        tppMessages: [
          {
            category: 'ERROR',
            code: 'FORMAT_ERROR',
            path: 'validUntil',
            text: "Value 'validUntil' should not be in the past",
          },
        ],
      },
    });
    const long = relayedFailure(berlinError(403, 'CONSENT_UNKNOWN', 'x'.repeat(600)));
    const message = (long.data['tppMessages'] as Array<Record<string, unknown>>)[0];
    expect(message['path']).toBeUndefined();
    expect(String(message['text']).length).toBe(500);
  });
});
