import { parseArgs } from 'node:util';
import type { ExtensionCredentials } from '../simulator/identity-server-client.js';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';

export const JOURNEY_USAGE = `Usage: npm run journey -- --spec <spec> [--served-as <id>] [--base-url <url>] [--user <user> --password <password> | --token <token>]

  --spec       the specification whose journey to run (the path segment of the identity server's base_url)
  --served-as  the path segment to call instead, e.g. a bank's module derived from that specification
  --base-url   the extension service root (default ${DEFAULT_BASE_URL})
  --user       Basic-Auth user (default: env EXTENSION_BASIC_USER, else empty)
  --password   Basic-Auth password (default: env EXTENSION_BASIC_PASSWORD, else empty)
  --token      send "Authorization: Bearer <token>" instead (the identity server's OAuth2 mode)`;

export interface JourneyArguments {
  readonly spec: string;
  /** The path segment called: `--served-as`, else the journey's specification. */
  readonly servedAs: string;
  readonly baseUrl: string;
  readonly credentials: ExtensionCredentials;
}

export type ParsedJourneyArguments =
  | { readonly kind: 'run'; readonly arguments: JourneyArguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly message: string };

/** Reads the command line; `environment` supplies the Basic-Auth defaults (the service's own configuration names). */
export function parseJourneyArguments(
  argv: readonly string[],
  environment: NodeJS.ProcessEnv,
  knownSpecs: readonly string[],
): ParsedJourneyArguments {
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
        user: { type: 'string' },
        password: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error: unknown) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) {
    return { kind: 'help' };
  }
  if (values.spec === undefined) {
    return { kind: 'invalid', message: `--spec is required; known specs: ${knownSpecs.join(', ')}` };
  }
  if (!knownSpecs.includes(values.spec)) {
    return { kind: 'invalid', message: `Unknown spec "${values.spec}"; known specs: ${knownSpecs.join(', ')}` };
  }
  const baseUrl = values['base-url'] ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    return { kind: 'invalid', message: `--base-url must be an http(s) URL, got "${baseUrl}"` };
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
  const servedAs = values['served-as'] ?? values.spec;
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(servedAs)) {
    return { kind: 'invalid', message: `--served-as must be a specification id (a path segment), got "${servedAs}"` };
  }
  return { kind: 'run', arguments: { spec: values.spec, servedAs, baseUrl, credentials } };
}
