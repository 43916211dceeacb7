import { DEFAULT_BASE_URL, parseJourneyArguments } from './journey-arguments.js';

const KNOWN = ['default'];

describe('parseJourneyArguments', () => {
  it('defaults the base URL and takes Basic credentials from the environment', () => {
    expect(
      parseJourneyArguments(
        ['--spec', 'default'],
        { EXTENSION_BASIC_USER: 'is', EXTENSION_BASIC_PASSWORD: 'pw' },
        KNOWN,
      ),
    ).toEqual({
      kind: 'run',
      arguments: {
        spec: 'default',
        servedAs: 'default',
        baseUrl: DEFAULT_BASE_URL,
        credentials: { kind: 'basic', username: 'is', password: 'pw' },
      },
    });
  });

  it('prefers the command line, and sends empty Basic credentials when none are configured', () => {
    expect(
      parseJourneyArguments(
        ['--spec', 'default', '--base-url', 'http://localhost:4000', '--user', 'u', '--password', 'p'],
        { EXTENSION_BASIC_USER: 'is' },
        KNOWN,
      ),
    ).toMatchObject({
      kind: 'run',
      arguments: { baseUrl: 'http://localhost:4000', credentials: { kind: 'basic', username: 'u', password: 'p' } },
    });
    expect(parseJourneyArguments(['--spec', 'default'], {}, KNOWN)).toMatchObject({
      arguments: { credentials: { kind: 'basic', username: '', password: '' } },
    });
  });

  it('sends a bearer token when given one', () => {
    expect(parseJourneyArguments(['--spec', 'default', '--token', 't'], {}, KNOWN)).toMatchObject({
      arguments: { credentials: { kind: 'bearer', token: 't' } },
    });
  });

  it.each([
    [['--spec', 'uk'], 'Unknown spec "uk"; known specs: default'],
    [[], '--spec is required; known specs: default'],
    [['--spec', 'default', '--verbose'], "Unknown option '--verbose'"],
    [['--spec', 'default', '--base-url', 'ftp://x'], '--base-url must be an http(s) URL'],
    [['--spec', 'default', '--token', 't', '--user', 'u'], '--token cannot be combined'],
  ])('refuses %j', (argv, message) => {
    const parsed = parseJourneyArguments(argv, {}, KNOWN);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' ? parsed.message : '').toContain(message);
  });

  it('recognises --help', () => {
    expect(parseJourneyArguments(['--help'], {}, KNOWN)).toEqual({ kind: 'help' });
  });

  it("calls another path segment with --served-as, e.g. a module derived from the journey's specification", () => {
    expect(parseJourneyArguments(['--spec', 'default', '--served-as', 'mybank-uk'], {}, KNOWN)).toMatchObject({
      kind: 'run',
      arguments: { spec: 'default', servedAs: 'mybank-uk' },
    });
    expect(parseJourneyArguments(['--spec', 'default', '--served-as', 'My Bank'], {}, KNOWN)).toEqual({
      kind: 'invalid',
      message: '--served-as must be a specification id (a path segment), got "My Bank"',
    });
  });
});
