import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uaeJourneyPiiDecryptionKey, ukJourneyTrustFile } from '@app/testing';
import { AppModule } from '../../apps/extension-server/src/app.module.js';
import {
  TEST_PASSWORD,
  TEST_USER,
  basicAuth,
  startTestServer,
  type RunningTestServer,
} from '../e2e/support/test-server.js';
import { runCampaign } from './fuzz-campaign.js';
import { FUZZ_SPECS } from './fuzz-options.js';
import { formatViolation } from './fuzz-report.js';
import { buildCorpus, fuzzTargets } from './fuzz-targets.js';
import { EXTENSION_NAMES } from '@app/contract';

/** A fixed seed, so that `npm test` sends the same inputs every time; `npm run fuzz` explores with fresh ones. */
const SLICE_SEED = 20_261_121;
const SLICE_INPUTS = 300;

describe('A slice of the fuzzer (npm run fuzz) over every point of every specification', () => {
  let server: RunningTestServer;
  beforeAll(async () => {
    const trustFile = join(mkdtempSync(join(tmpdir(), 'fuzz-slice-')), 'uk-trust.json');
    writeFileSync(trustFile, JSON.stringify(ukJourneyTrustFile()));
    // The settings the journeys need, as the fuzzer's own service gets them.
    const specSettings = {
      ...process.env,
      UK_JWS_TRUST_FILE: trustFile,
      UAE_PII_DECRYPTION_KEY: uaeJourneyPiiDecryptionKey(),
      BERLIN_MAX_FREQUENCY_PER_DAY: '1000',
    };
    server = await startTestServer({
      env: { EXTENSION_BODY_LIMIT: '1mb' },
      rootModule: (config) => AppModule.forRoot(config, [], specSettings),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it(`answers ${SLICE_INPUTS} mutated calls of the journeys and the contract's examples by the contract's rules`, async () => {
    const { corpus, journeySummaries } = await buildCorpus(server.baseUrl, FUZZ_SPECS, TEST_USER, TEST_PASSWORD);
    expect(journeySummaries).toHaveLength(FUZZ_SPECS.length);
    const result = await runCampaign({
      baseUrl: server.baseUrl,
      authorization: basicAuth(),
      corpus,
      targets: fuzzTargets(FUZZ_SPECS, EXTENSION_NAMES),
      runs: SLICE_INPUTS,
      seed: SLICE_SEED,
      timeLimitMs: undefined,
      connections: 2,
      bodyLimitBytes: server.config.bodyLimitBytes,
    });
    expect(result.violations.map(formatViolation)).toEqual([]);
    expect(result.inputs).toBe(SLICE_INPUTS);
    // The slice must reach the handlers, not only the envelope checks.
    expect(result.byStatus.get('200')).toBeGreaterThan(SLICE_INPUTS / 5);
  }, 180_000);
});
