import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectingContractBreaks, installAnswerObserver, type AnswerObserver } from '../simulator/answer-observer.js';
import { IdentityServerClient } from '../simulator/identity-server-client.js';
import { IdentityServerSimulator } from '../simulator/identity-server.js';
import { ContractGuard } from './contract-guard.js';

/*
 * The e2e suites' guard, fed through the same hook the e2e tests use: a real client and simulator calling a server
 * that answers what each test scripts.
 */

interface ScriptedAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

let answerFor: (requestId: string) => ScriptedAnswer = () => ({ status: 500, body: {} });
let server: Server;
let baseUrl: string;
let testName: string | undefined;
let guard: ContractGuard;
let previous: AnswerObserver | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { requestId } = JSON.parse(Buffer.concat(chunks).toString('latin1')) as { requestId: string };
      const answer = answerFor(requestId);
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  testName = 'the test that got the answer';
  guard = new ContractGuard(() => testName);
  previous = installAnswerObserver(guard);
});

afterEach(() => {
  installAnswerObserver(previous);
});

const client = (): IdentityServerClient => new IdentityServerClient({ baseUrl, spec: 'default' });

/** The guard's verdict as the e2e setup's afterEach raises it: the error message, or undefined when it passes. */
function verdict(): string | undefined {
  try {
    guard.assertNoBreaches();
    return undefined;
  } catch (error: unknown) {
    return (error as Error).message;
  }
}

const accessRefusedWithExtraKey = (requestId: string): ScriptedAnswer => ({
  status: 200,
  body: {
    responseId: requestId,
    status: 'ERROR',
    errorCode: 403,
    data: { errorMessage: 'Forbidden', errorDescription: 'no' },
    message: 'not allowed here',
  },
});

describe('ContractGuard behind the answer hook', () => {
  it('fails the test that received a contract-breaking answer, naming the call and the violation', async () => {
    answerFor = accessRefusedWithExtraKey;
    const answer = await client().call('validate-consent-access', { consentId: 'c-1' });

    const lines = verdict()?.split('\n');

    expect(lines).toHaveLength(3);
    expect(lines?.[0]).toBe(
      'A finding: the identity server would break on these answers of the service. A test that provokes such answers on purpose wraps the calls in expectingContractBreaks(reason, ...).',
    );
    expect(lines?.[1]).toBe('  in "the test that got the answer":');
    expect(lines?.[2]).toMatch(
      new RegExp(
        `^ {4}- validate-consent-access \\(requestId ${answer.requestId}\\): contract: top-level key "message" is not allowed \\(only .*\\): the identity server's strict parse fails$`,
      ),
    );
    // Reported once: the next test starts clean.
    expect(verdict()).toBeUndefined();
  });

  it("reports what the simulated identity server fails on, beside the contract matcher's violations", async () => {
    answerFor = (requestId) => ({
      status: 200,
      body: {
        responseId: requestId,
        status: 'SUCCESS',
        errorCode: 700,
        data: { Code: '400', Message: 'Consent not found' },
      },
    });
    const exchange = await new IdentityServerSimulator(client()).mapError(400, 'Consent not found', 'consent_retrieve');

    expect(exchange.reaction).toEqual({
      outcome: 'failed',
      description: 'errorCode 700 is not an HTTP status: Response.status throws',
    });
    expect(verdict()?.split('\n')).toEqual([
      '2 findings: the identity server would break on these answers of the service. A test that provokes such answers on purpose wraps the calls in expectingContractBreaks(reason, ...).',
      '  in "the test that got the answer":',
      `    - map-accelerator-error-response (requestId ${exchange.requestId}): contract: map-accelerator-error-response needs an integer errorCode in 100-599 even on SUCCESS (it is the client's HTTP status), got 700`,
      `    - map-accelerator-error-response (requestId ${exchange.requestId}): identity server: errorCode 700 is not an HTTP status: Response.status throws`,
    ]);
  });

  it('counts every answer of a retry, and names the hook for an answer received outside any test', async () => {
    answerFor = accessRefusedWithExtraKey;
    testName = undefined;
    const first = await client().call('validate-consent-access', { consentId: 'c-1' });
    await client().retry(first);

    expect(verdict()?.split('\n').slice(0, 2)).toEqual([
      '2 findings: the identity server would break on these answers of the service. A test that provokes such answers on purpose wraps the calls in expectingContractBreaks(reason, ...).',
      '  outside any test (a beforeAll or afterAll hook):',
    ]);
    expect(verdict()).toBeUndefined();
  });

  it('passes answers that satisfy the contract, and leaves answers other than HTTP 200 to the tests', async () => {
    answerFor = (requestId) => ({
      status: 200,
      body: { responseId: requestId, status: 'SUCCESS', data: { issueRefreshToken: true } },
    });
    await client().call('issue-refresh-token', { grantType: 'authorization_code' });
    answerFor = () => ({ status: 401, body: { anything: 'goes' } });
    const refused = await client().call('issue-refresh-token', { grantType: 'authorization_code' });

    expect(refused.httpStatus).toBe(401);
    expect(verdict()).toBeUndefined();
  });

  it('excuses the breaking answers of an expectingContractBreaks scope, keeping them with its reason', async () => {
    answerFor = accessRefusedWithExtraKey;
    const answer = await expectingContractBreaks('the test provokes it', () =>
      client().call('validate-consent-access', { consentId: 'c-1' }),
    );

    expect(verdict()).toBeUndefined();
    expect(guard.excused).toEqual([
      {
        test: 'the test that got the answer',
        extension: 'validate-consent-access',
        requestId: answer.requestId,
        problems: [expect.stringMatching(/^contract: top-level key "message" is not allowed/)],
        expectedBecause: 'the test provokes it',
      },
    ]);
    // The scope ends with its body: the same answer afterwards fails the test again.
    await client().call('validate-consent-access', { consentId: 'c-1' });
    expect(verdict()).toMatch(/^A finding: the identity server would break on these answers of the service\./);
  });

  it('refuses an opt-out without a reason, and nested opt-outs', async () => {
    await expect(expectingContractBreaks(' ', () => Promise.resolve(1))).rejects.toThrow(
      'expectingContractBreaks needs the reason the answers may break the contract',
    );
    await expect(
      expectingContractBreaks('outer', () => expectingContractBreaks('inner', () => Promise.resolve(1))),
    ).rejects.toThrow('expectingContractBreaks is already in effect ("outer"): scopes do not nest');
    // A refused nested scope leaves the outer one closed behind it.
    answerFor = accessRefusedWithExtraKey;
    await client().call('validate-consent-access', { consentId: 'c-1' });
    expect(verdict()).toMatch(/^A finding: the identity server would break on these answers of the service\./);
  });
});
