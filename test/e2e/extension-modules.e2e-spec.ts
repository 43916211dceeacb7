import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_NAMES } from '@app/contract';
import { ConfigurationError } from '@app/platform';
import {
  IdentityServerClient,
  IdentityServerSimulator,
  JOURNEYS,
  UK_ACCOUNTS_API,
  UK_JOURNEY,
  UK_JOURNEY_CLIENT_ID,
  UK_JOURNEY_USER,
  buildRequestObjectClaims,
  ukAccountAccessConsentBody,
  ukJourneyTrustFile,
} from '@app/testing';
import { loadSpecModules } from '../../apps/extension-server/src/modules/extension-module-loader.js';
import { TEST_PASSWORD, TEST_USER, basicAuth, startTestServer, type RunningTestServer } from './support/test-server.js';

/*
 * A bank adds specification modules without a fork: EXTENSION_MODULES names files (or npm packages) whose default
 * export is a SpecModule. The example modules of examples/mybank are loaded here from their paths, as the service
 * loads them at boot: `mybank` (a new specification) and `mybank-uk` (derived from the built-in `uk`).
 */
const EXAMPLES = ['./examples/mybank/src/mybank.module.ts', './examples/mybank/src/mybank-uk.module.ts'];

/** An account under a bank block; the journeys never use it, so they show that nothing else changed. */
const BLOCKED_ACCOUNT = '40040099990001';

function trustFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'modules-trust-')), 'trust.json');
  writeFileSync(path, JSON.stringify(ukJourneyTrustFile()));
  return path;
}

describe('Specification modules loaded from EXTENSION_MODULES', () => {
  let server: RunningTestServer;
  const env = {
    EXTENSION_SPECS: 'uk',
    UK_JWS_TRUST_FILE: trustFile(),
    MYBANK_BLOCKED_ACCOUNTS: BLOCKED_ACCOUNT,
    MYBANK_SUPPORT_LINE: 'Call us on 0800 123',
  };

  beforeAll(async () => {
    const loaded = await loadSpecModules(EXAMPLES);
    server = await startTestServer({ env, modules: loaded });
  });
  afterAll(async () => {
    await server.close();
  });

  const simulatorFor = (spec: string) =>
    new IdentityServerSimulator(
      new IdentityServerClient({
        baseUrl: server.baseUrl,
        spec,
        credentials: { kind: 'basic', username: TEST_USER, password: TEST_PASSWORD },
      }),
    );

  const describeSpec = async (spec: string) =>
    (await fetch(`${server.baseUrl}/${spec}`)).json() as Promise<Record<string, unknown>>;

  it('serves the derived module with two points of its own and the other 22 from uk, then default', async () => {
    const index = await describeSpec('mybank-uk');
    expect(index).toMatchObject({
      spec: 'mybank-uk',
      extends: 'uk',
      nativeExtensions: ['populate-consent-authorize-screen', 'validate-consent-access'],
    });
    const points = index['points'] as Record<string, { origin: string; from: string }>;
    expect(points['populate-consent-authorize-screen']).toEqual({ origin: 'own', from: 'mybank-uk' });
    expect(points['pre-process-consent-creation']).toEqual({ origin: 'derived', from: 'uk' });
    expect(points['pre-process-client-creation']).toEqual({ origin: 'default', from: 'default' });
    expect((index['derivedExtensions'] as string[]).length).toBe(11);
    expect((index['defaultedExtensions'] as string[]).length).toBe(EXTENSION_NAMES.length - 13);
  });

  it('serves the new module with its own refresh-token policy and the default behaviour elsewhere', async () => {
    const index = await describeSpec('mybank');
    expect(index).toMatchObject({
      spec: 'mybank',
      extends: null,
      nativeExtensions: ['issue-refresh-token'],
      derivedExtensions: [],
    });
  });

  it('runs the UK journey against the derived module: everything the bank did not replace behaves as uk', async () => {
    const lines: string[] = [];
    const result = await UK_JOURNEY.run(simulatorFor('mybank-uk'), (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: UK_JOURNEY.stepNames.length });
  });

  it('runs the default journey against the new module', async () => {
    const lines: string[] = [];
    const result = await JOURNEYS['default'].run(simulatorFor('mybank'), (line) => lines.push(line));
    expect(lines.filter((line) => !line.startsWith('✓'))).toEqual([]);
    expect(result).toMatchObject({ ok: true, failed: 0, skipped: 0, passed: JOURNEYS['default'].stepNames.length });
  });

  it("adds the bank's box to the UK consent screen and applies the bank's block before the UK access rules", async () => {
    const simulator = simulatorFor('mybank-uk');
    const { consentId } = await simulator.createConsent(
      'account-access-consents',
      ukAccountAccessConsentBody(),
      UK_JOURNEY_CLIENT_ID,
    );
    expect(consentId).toEqual(expect.any(String));
    const claims = buildRequestObjectClaims({
      clientId: UK_JOURNEY_CLIENT_ID,
      consentId: consentId!,
      scope: 'accounts openid',
    });
    const screen = await simulator.populateScreen(consentId!, UK_JOURNEY_USER, claims);
    expect(screen.body).toMatchObject({
      status: 'SUCCESS',
      data: { consentData: { basicConsentData: { 'Questions about this consent': ['Call us on 0800 123'] } } },
    });

    const access = await simulator.validateAccess(consentId!, {
      electedResource: '/accounts/{AccountId}',
      resource: `${UK_ACCOUNTS_API}/accounts/${BLOCKED_ACCOUNT}`,
      httpMethod: 'GET',
      userId: UK_JOURNEY_USER,
    });
    expect(access.body).toMatchObject({
      status: 'ERROR',
      errorCode: 403,
      data: {
        errorMessage: 'UK.OBIE.Resource.InvalidConsentStatus',
        errorDescription: `Account ${BLOCKED_ACCOUNT} is blocked by the bank`,
      },
    });
  });

  it('answers the identity server with the derived handlers only at /mybank-uk: /uk keeps the standard screen', async () => {
    const res = await fetch(`${server.baseUrl}/uk`, { headers: { authorization: basicAuth() } });
    expect(((await res.json()) as { nativeExtensions: string[] }).nativeExtensions).toHaveLength(13);
  });
});

describe('A bad module stops the boot with a message naming it', () => {
  const moduleFile = (source: string): string => {
    const path = join(mkdtempSync(join(tmpdir(), 'bad-module-')), 'module.mjs');
    writeFileSync(path, source);
    return path;
  };

  it.each([
    [
      'export const nothing = 1;',
      'has no default export; it must export default a SpecModule (defineSpecModule({ apiVersion, id, create }))',
    ],
    [
      'export default { apiVersion: 2, id: "x", create() {} };',
      'was written for module API version 2; this service provides version 1',
    ],
    [
      'export default { apiVersion: 1, id: "My Bank", create() {} };',
      'has the id "My Bank"; an id is a path segment of lower-case letters, digits and dashes',
    ],
    ['export default { apiVersion: 1, id: "mine" };', 'has no create(settings) function'],
  ])('%s', async (source, problem) => {
    const path = moduleFile(source);
    await expect(loadSpecModules([path])).rejects.toThrow(
      new ConfigurationError(`EXTENSION_MODULES: module "${path}" ${problem}`).message.split(' (^')[0],
    );
  });

  it('names a module that cannot be found', async () => {
    await expect(loadSpecModules(['./examples/nowhere/module.js'])).rejects.toThrow(
      'EXTENSION_MODULES: module "./examples/nowhere/module.js" cannot be loaded:',
    );
  });
});
