import { parseArgs } from 'node:util';
import { EXTENSION_NAMES, isExtensionName, type ExtensionName } from '@app/contract';
import type { ConformanceSuiteKind } from '../conformance/conformance-runner.js';
import type { ExtensionCredentials } from '../simulator/identity-server-client.js';
import { DEFAULT_BASE_URL } from './journey-arguments.js';

export const DEFAULT_REPORT_DIR = 'conformance-report';

export const CONFORMANCE_USAGE = `Usage: npm run conformance -- --spec <spec> [--base-url <url>] [--points <names>] [options]

Checks any extension service (in any language) the way the WSO2 identity server calls it: the transport rules
(strict envelope, authentication, ISO-8859-1 bodies, idempotent retries, error shapes), then the specification's
journey. Writes <report-dir>/junit.xml for a CI server and <report-dir>/report.html for people.

  --spec        the specification the service implements: the journey to run and the requests to send
  --base-url    the service root; the identity server calls <base-url>/<served-as>/<extension> (default ${DEFAULT_BASE_URL})
  --served-as   the path segment, when it is not the spec id (e.g. a bank's module derived from it)
  --points      comma list of the points the service implements (its allowed_extensions, with - or _);
                calls to other points are not made and the steps needing them are skipped (default: all 24)
  --suites      transport, journey or both (default transport,journey)
  --user        Basic-Auth user (default: env EXTENSION_BASIC_USER, else empty)
  --password    Basic-Auth password (default: env EXTENSION_BASIC_PASSWORD, else empty)
  --token       send "Authorization: Bearer <token>" instead (the identity server's OAuth2 mode)
  --report-dir  where the reports go (default ${DEFAULT_REPORT_DIR})
  --timeout-ms  the read timeout of one call (default 5000, the identity server's)

Exit code: 0 every check passed, 1 a check failed, 2 bad arguments.`;

export interface ConformanceArguments {
  readonly spec: string;
  readonly servedAs: string;
  readonly baseUrl: string;
  readonly credentials: ExtensionCredentials;
  readonly points: readonly ExtensionName[] | undefined;
  readonly suites: readonly ConformanceSuiteKind[];
  readonly reportDir: string;
  readonly timeoutMs: number | undefined;
}

export type ParsedConformanceArguments =
  | { readonly kind: 'run'; readonly arguments: ConformanceArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly message: string };

const SUITES: readonly ConformanceSuiteKind[] = ['transport', 'journey'];

function commaList(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

export function parseConformanceArguments(
  argv: readonly string[],
  environment: NodeJS.ProcessEnv,
  knownSpecs: readonly string[],
): ParsedConformanceArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        spec: { type: 'string' },
        'served-as': { type: 'string' },
        'base-url': { type: 'string' },
        points: { type: 'string' },
        suites: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        token: { type: 'string' },
        'report-dir': { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error: unknown) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) {
    return { kind: 'help' };
  }
  if (values.spec === undefined || !knownSpecs.includes(values.spec)) {
    return {
      kind: 'invalid',
      message: `--spec must be one of ${knownSpecs.join(', ')}${values.spec === undefined ? '' : `, got "${values.spec}"`}`,
    };
  }
  const baseUrl = values['base-url'] ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    return { kind: 'invalid', message: `--base-url must be an http(s) URL, got "${baseUrl}"` };
  }
  const servedAs = values['served-as'] ?? values.spec;
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(servedAs)) {
    return { kind: 'invalid', message: `--served-as must be a specification id (a path segment), got "${servedAs}"` };
  }
  let points: ExtensionName[] | undefined;
  if (values.points !== undefined) {
    const names = [...new Set(commaList(values.points).map((name) => name.replaceAll('_', '-')))];
    const unknown = names.find((name) => !isExtensionName(name));
    if (names.length === 0 || unknown !== undefined) {
      return {
        kind: 'invalid',
        message: `--points must list extension points (${EXTENSION_NAMES.slice(0, 2).join(', ')}, …)${unknown === undefined ? '' : `, got "${unknown}"`}`,
      };
    }
    points = names.filter(isExtensionName);
  }
  const suites = commaList(values.suites ?? SUITES.join(','));
  const badSuite = suites.find((suite) => !(SUITES as readonly string[]).includes(suite));
  if (suites.length === 0 || badSuite !== undefined) {
    return {
      kind: 'invalid',
      message: `--suites must list ${SUITES.join(' and/or ')}${badSuite === undefined ? '' : `, got "${badSuite}"`}`,
    };
  }
  let timeoutMs: number | undefined;
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
      return {
        kind: 'invalid',
        message: `--timeout-ms must be a whole number from 100 to 120000, got "${values['timeout-ms']}"`,
      };
    }
  }
  if (values.token !== undefined && (values.user !== undefined || values.password !== undefined)) {
    return { kind: 'invalid', message: '--token cannot be combined with --user/--password' };
  }
  const credentials: ExtensionCredentials =
    values.token !== undefined
      ? { kind: 'bearer', token: values.token }
      : {
          kind: 'basic',
          username: values.user ?? environment.EXTENSION_BASIC_USER ?? '',
          password: values.password ?? environment.EXTENSION_BASIC_PASSWORD ?? '',
        };
  return {
    kind: 'run',
    arguments: {
      spec: values.spec,
      servedAs,
      baseUrl,
      credentials,
      points,
      suites: suites as ConformanceSuiteKind[],
      reportDir: values['report-dir'] ?? DEFAULT_REPORT_DIR,
      timeoutMs,
    },
  };
}
