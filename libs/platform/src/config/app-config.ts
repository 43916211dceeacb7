import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { SettingError, SettingsReader, type SettingsEnvironment } from '@app/contract';

/** Every setting of the service, read once from the environment and validated before anything starts. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Specification ids to serve; undefined = every implemented one. */
  readonly enabledSpecs: readonly string[] | undefined;
  /** EXTENSION_MODULES: npm package names or file paths of extra specification modules. */
  readonly extraModules: readonly string[];
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly auth: AuthConfig;
  readonly tls: TlsConfig | undefined;
  readonly bankBackendUrl: string | undefined;
  readonly bankBackendTimeoutMs: number;
  /** How the identity server's user ids become the bank's customer ids. */
  readonly customerIds: { readonly tenantDomains: readonly string[]; readonly stripUserStore: boolean };
  readonly seedDemoData: boolean;
  readonly bodyLimitBytes: number;
  /** The deepest nesting of objects and arrays a request body may have; deeper bodies get 400 before parsing. */
  readonly maxJsonDepth: number;
  /** How long a client may take to send the request line and headers; then 408 and the connection is closed. */
  readonly headersTimeoutMs: number;
  /** How long a client may take to send the whole request, body included; then 408 and the connection is closed. */
  readonly requestTimeoutMs: number;
  readonly requestCharset: RequestCharset;
  readonly idempotencyRetentionHours: number;
  readonly logLevel: LogLevel;
}

export interface AuthConfig {
  readonly basic: { readonly user: string; readonly password: string } | undefined;
  readonly bearerToken: string | undefined;
  readonly jwt:
    | { readonly jwksUrl: string; readonly issuer: string | undefined; readonly audience: string | undefined }
    | undefined;
}

export interface TlsConfig {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/**
 * How request bodies are decoded. The identity server sends ISO-8859-1 bytes labelled `application/json` without a
 * charset (contract §2.3); `auto` decodes valid UTF-8 as UTF-8 and anything else as ISO-8859-1.
 */
export type RequestCharset = 'auto' | 'latin1' | 'utf8';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const CHARSETS: readonly RequestCharset[] = ['auto', 'latin1', 'utf8'];

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export function hasCredentials(auth: AuthConfig): boolean {
  return auth.basic !== undefined || auth.bearerToken !== undefined || auth.jwt !== undefined;
}

export interface AppConfigOptions {
  /**
   * `npm start`'s demo mode: the embedded bank is seeded with demo customers unless SEED_DEMO_DATA says otherwise.
   * Never the default elsewhere, and never under NODE_ENV=production, so that no production bank (the container
   * image included) offers demo accounts a consent could be granted on.
   */
  readonly demo?: boolean;
}

/**
 * Reads and validates the service's own settings; the first bad value stops the boot with a message naming the
 * variable. `settings` records every value read, for `npm run config`; the specification modules read theirs through
 * the same reader.
 */
export function loadAppConfig(
  env: SettingsEnvironment = process.env,
  options: AppConfigOptions = {},
  settings = new SettingsReader(env),
): AppConfig {
  try {
    return readAppConfig(env, options, settings);
  } catch (error) {
    throw error instanceof SettingError ? new ConfigurationError(error.message) : error;
  }
}

function readAppConfig(env: SettingsEnvironment, options: AppConfigOptions, settings: SettingsReader): AppConfig {
  const port = settings.integer('PORT', { default: 3000, min: 0, max: 65535, description: 'Listening port.' });
  const host = settings.text('HOST', {
    default: '127.0.0.1',
    description: 'Listening address (an IP address or localhost).',
  })!;
  if (host !== 'localhost' && isIP(host) === 0) {
    settings.invalid('HOST', 'an IP address or localhost', host);
  }

  const specsRaw = settings.text('EXTENSION_SPECS', {
    description: 'Comma list of the built-in specifications to serve (unset: all).',
  });
  const enabledSpecs = specsRaw
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (specsRaw !== undefined && enabledSpecs?.length === 0) {
    throw new ConfigurationError('EXTENSION_SPECS must list at least one specification id');
  }
  const modulesRaw = settings.text('EXTENSION_MODULES', {
    description:
      'Comma list of extra specification modules to load: npm package names or file paths, each exporting a SpecModule.',
  });
  const extraModules =
    modulesRaw
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0) ?? [];

  const basicUser = settings.text('EXTENSION_BASIC_USER', {
    description: 'User of the Basic credentials the identity server sends.',
  });
  const basicPassword = settings.text('EXTENSION_BASIC_PASSWORD', {
    description: 'Password of those Basic credentials.',
    secret: true,
  });
  if ((basicUser === undefined) !== (basicPassword === undefined)) {
    throw new ConfigurationError('EXTENSION_BASIC_USER and EXTENSION_BASIC_PASSWORD must be set together');
  }
  if (basicUser?.includes(':')) {
    throw new ConfigurationError('EXTENSION_BASIC_USER must not contain ":" (Basic authentication splits on it)');
  }
  const bearerToken = settings.text('EXTENSION_BEARER_TOKEN', {
    description: "Static bearer token of the identity server's OAuth2 mode.",
    secret: true,
  });
  const jwksUrl = settings.url('EXTENSION_JWKS_URL', {
    description: 'Accept bearer JWTs signed by a key of this JWKS.',
  });
  const issuer = settings.text('EXTENSION_JWT_ISSUER', { description: 'Required iss of those JWTs.' });
  const audience = settings.text('EXTENSION_JWT_AUDIENCE', { description: 'Required aud of those JWTs.' });
  if (jwksUrl === undefined && (issuer ?? audience) !== undefined) {
    throw new ConfigurationError('EXTENSION_JWT_ISSUER and EXTENSION_JWT_AUDIENCE need EXTENSION_JWKS_URL');
  }
  const auth: AuthConfig = {
    basic:
      basicUser !== undefined && basicPassword !== undefined ? { user: basicUser, password: basicPassword } : undefined,
    bearerToken,
    jwt: jwksUrl ? { jwksUrl, issuer, audience } : undefined,
  };

  const certFile = settings.text('TLS_CERT_FILE', {
    description: 'PEM certificate file: serve HTTPS (TLS 1.2 minimum).',
  });
  const keyFile = settings.text('TLS_KEY_FILE', { description: 'PEM private key file of that certificate.' });
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigurationError('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
  }
  const readPem = (name: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigurationError(
        `${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${path}`,
      );
    }
  };
  const tls =
    certFile && keyFile
      ? { cert: readPem('TLS_CERT_FILE', certFile), key: readPem('TLS_KEY_FILE', keyFile) }
      : undefined;

  const production = env['NODE_ENV']?.trim() === 'production';
  return {
    port,
    host,
    enabledSpecs,
    extraModules,
    databaseUrl: settings.text('DATABASE_URL', {
      description:
        'sqlite:path/file.sqlite, sqlite::memory: or mysql://user:pass@host:3306/db (unset: ./data/consent-extensions.sqlite).',
      secret: true,
    }),
    databasePoolSize: settings.integer('DATABASE_POOL_SIZE', {
      default: 10,
      min: 1,
      max: 200,
      description: 'MySQL/MariaDB connections of one instance.',
    }),
    auth,
    tls,
    bankBackendUrl: settings.url('BANK_BACKEND_URL', {
      description: "Base URL of the bank core's account API (unset: the embedded bank).",
    }),
    bankBackendTimeoutMs: settings.integer('BANK_BACKEND_TIMEOUT_MS', {
      default: 2000,
      min: 50,
      max: 60000,
      description: 'Timeout of one call to the bank core, in ms.',
    }),
    customerIds: {
      tenantDomains: settings.list('BANK_USER_ID_TENANT_DOMAINS', {
        default: ['carbon.super'],
        item: { pattern: /^[A-Za-z0-9.-]+$/, expected: 'tenant domains such as carbon.super' },
        description:
          "Tenant domains stripped from the end of the identity server's user ids (psu@wso2.com@carbon.super → psu@wso2.com).",
      }),
      stripUserStore: settings.boolean('BANK_USER_ID_STRIP_USER_STORE', {
        default: true,
        description: 'Strip a user-store prefix from user ids (PRIMARY/psu@wso2.com → psu@wso2.com).',
      }),
    },
    seedDemoData: settings.boolean('SEED_DEMO_DATA', {
      default: options.demo === true && !production,
      description:
        "Seed the embedded bank with demo customers when it is empty (default: only in npm start's demo mode, never with NODE_ENV=production).",
    }),
    bodyLimitBytes: parseByteSize(
      'EXTENSION_BODY_LIMIT',
      settings.text('EXTENSION_BODY_LIMIT', { default: '10mb', description: 'Largest request body, 1kb to 100mb.' })!,
    ),
    // Consents the identity server sends nest about a dozen levels; 64 leaves room for any bank's own data while
    // keeping every recursive walk (schema validation, the specifications' code) far from the stack limit.
    maxJsonDepth: settings.integer('EXTENSION_MAX_JSON_DEPTH', {
      default: 64,
      min: 16,
      max: 512,
      description:
        'Deepest nesting of objects and arrays in a request body (16 to 512); deeper bodies are refused with 400.',
    }),
    ...readRequestTimeouts(settings),
    requestCharset: settings.oneOf('EXTENSION_REQUEST_CHARSET', CHARSETS, {
      default: 'auto',
      description: 'Request body decoding: auto, latin1 or utf8.',
    }),
    idempotencyRetentionHours: settings.integer('IDEMPOTENCY_RETENTION_HOURS', {
      default: 24,
      min: 1,
      max: 24 * 90,
      description: 'How long answers are kept for replay to retried calls.',
    }),
    logLevel: settings.oneOf('LOG_LEVEL', LOG_LEVELS, { default: 'info', description: 'Log level of the JSON logs.' }),
  };
}

/**
 * The identity server sends a whole call at once (headers and an in-memory body) and waits 5 s for the answer (its
 * read timeout, per attempt). A client still sending headers after 5 s, or a body after 10 s (a 10 MB file upload
 * at 10 Mbit/s), is not the identity server, or has given up already: its connection is closed instead of held.
 */
function readRequestTimeouts(settings: SettingsReader): { headersTimeoutMs: number; requestTimeoutMs: number } {
  const headersTimeoutMs = settings.integer('EXTENSION_HEADERS_TIMEOUT_MS', {
    default: 5_000,
    min: 500,
    max: 60_000,
    description:
      'Time a client may take to send the request line and headers, in ms; then 408 and the connection is closed.',
  });
  const requestTimeoutMs = settings.integer('EXTENSION_REQUEST_TIMEOUT_MS', {
    default: 10_000,
    min: 500,
    max: 600_000,
    description:
      'Time a client may take to send the whole request, body included, in ms; then 408 and the connection is closed.',
  });
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigurationError(
      `EXTENSION_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed EXTENSION_REQUEST_TIMEOUT_MS (${requestTimeoutMs}): the headers are part of the request`,
    );
  }
  return { headersTimeoutMs, requestTimeoutMs };
}

function parseByteSize(name: string, raw: string): number {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw);
  const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };
  const bytes = match ? Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()] : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024 || bytes > 100 * 1024 * 1024) {
    throw new ConfigurationError(`${name} must be a size from 1kb to 100mb (e.g. 10mb), got "${raw}"`);
  }
  return bytes;
}
