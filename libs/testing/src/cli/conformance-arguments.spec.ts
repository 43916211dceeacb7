import { DEFAULT_REPORT_DIR, parseConformanceArguments } from './conformance-arguments.js';

const SPECS = ['default', 'uk', 'berlin', 'uae'];

describe('npm run conformance arguments', () => {
  it('runs both suites on all points against the default address, with the service credentials of the environment', () => {
    expect(
      parseConformanceArguments(
        ['--spec', 'uk'],
        { EXTENSION_BASIC_USER: 'is', EXTENSION_BASIC_PASSWORD: 'pw' },
        SPECS,
      ),
    ).toEqual({
      kind: 'run',
      arguments: {
        spec: 'uk',
        servedAs: 'uk',
        baseUrl: 'http://127.0.0.1:3000',
        credentials: { kind: 'basic', username: 'is', password: 'pw' },
        points: undefined,
        suites: ['transport', 'journey'],
        reportDir: DEFAULT_REPORT_DIR,
        timeoutMs: undefined,
      },
    });
  });

  it('reads --points as deployment.toml spells them (snake_case) or as the contract does, without duplicates', () => {
    const parsed = parseConformanceArguments(
      [
        '--spec',
        'berlin',
        '--points',
        'populate_consent_authorize_screen, persist-authorized-consent,persist_authorized_consent',
      ],
      {},
      SPECS,
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      arguments: { points: ['populate-consent-authorize-screen', 'persist-authorized-consent'] },
    });
  });

  it('takes a bearer token, a served-as segment, the suites, a report folder and a timeout', () => {
    const parsed = parseConformanceArguments(
      [
        '--spec',
        'uk',
        '--served-as',
        'mybank-uk',
        '--token',
        't0k',
        '--suites',
        'transport',
        '--report-dir',
        'out',
        '--timeout-ms',
        '2500',
        '--base-url',
        'https://ext.bank:8443',
      ],
      {},
      SPECS,
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      arguments: {
        servedAs: 'mybank-uk',
        credentials: { kind: 'bearer', token: 't0k' },
        suites: ['transport'],
        reportDir: 'out',
        timeoutMs: 2500,
        baseUrl: 'https://ext.bank:8443',
      },
    });
  });

  it.each([
    [[], '--spec must be one of default, uk, berlin, uae'],
    [['--spec', 'psd3'], '--spec must be one of default, uk, berlin, uae, got "psd3"'],
    [
      ['--spec', 'uk', '--points', 'persist-authorized-consent,read-minds'],
      '--points must list extension points (pre-process-client-creation, pre-process-client-update, …), got "read-minds"',
    ],
    [
      ['--spec', 'uk', '--points', ' , '],
      '--points must list extension points (pre-process-client-creation, pre-process-client-update, …)',
    ],
    [['--spec', 'uk', '--suites', 'transport,load'], '--suites must list transport and/or journey, got "load"'],
    [['--spec', 'uk', '--base-url', 'ftp://host'], '--base-url must be an http(s) URL, got "ftp://host"'],
    [['--spec', 'uk', '--timeout-ms', '5s'], '--timeout-ms must be a whole number from 100 to 120000, got "5s"'],
    [['--spec', 'uk', '--token', 't', '--user', 'u'], '--token cannot be combined with --user/--password'],
    [
      ['--spec', 'uk', '--served-as', 'My Bank'],
      '--served-as must be a specification id (a path segment), got "My Bank"',
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseConformanceArguments(argv, {}, SPECS)).toEqual({ kind: 'invalid', message });
  });

  it('refuses an unknown option', () => {
    expect(parseConformanceArguments(['--spec', 'uk', '--fast'], {}, SPECS)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining("Unknown option '--fast'"),
    });
  });
});
