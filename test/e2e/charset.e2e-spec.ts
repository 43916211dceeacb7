import { randomUUID } from 'node:crypto';
import { rawPost, startTestServer, type RunningTestServer } from './support/test-server.js';

/** The receipt of a created consent is the TPP body as the service decoded it, so it shows what arrived. */
const creationCall = (requestId: string, name: string) =>
  JSON.stringify({
    requestId,
    data: {
      consentResourcePath: 'account-access-consents',
      consentInitiationData: {
        Data: { Permissions: ['ReadAccountsBasic'], ExpirationDateTime: '2099-01-01T00:00:00+00:00' },
        Risk: { MerchantName: name },
      },
    },
  });

const merchantOf = (json: unknown): unknown =>
  (json as { data: { consentResource: { receipt: { Risk: { MerchantName: unknown } } } } }).data.consentResource.receipt
    .Risk.MerchantName;

describe('Request body charsets (contract §2.3)', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('decodes the ISO-8859-1 bytes the identity server sends without mangling é', async () => {
    const body = Buffer.from(creationCall(randomUUID(), 'Café Société'), 'latin1');
    expect(body.includes(0xe9)).toBe(true);
    const res = await rawPost(`${server.baseUrl}/default/pre-process-consent-creation`, body);
    expect(res.status).toBe(200);
    expect(merchantOf(res.json)).toBe('Café Société');
  });

  it('keeps UTF-8 bodies UTF-8, including characters outside Latin-1', async () => {
    const body = Buffer.from(creationCall(randomUUID(), 'Café € 東京'), 'utf8');
    const res = await rawPost(`${server.baseUrl}/default/pre-process-consent-creation`, body);
    expect(merchantOf(res.json)).toBe('Café € 東京');
  });

  it('honours an explicit charset parameter', async () => {
    const body = Buffer.from(creationCall(randomUUID(), 'Ã©tude'), 'latin1');
    const res = await rawPost(`${server.baseUrl}/default/pre-process-consent-creation`, body, {
      'content-type': 'application/json; charset=ISO-8859-1',
    });
    expect(merchantOf(res.json)).toBe('Ã©tude');
  });

  it('answers in UTF-8 JSON', async () => {
    const res = await rawPost(
      `${server.baseUrl}/default/pre-process-consent-creation`,
      Buffer.from(creationCall(randomUUID(), 'Zoë'), 'latin1'),
    );
    expect(res.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    expect(res.text).toContain('Zoë');
  });
});
