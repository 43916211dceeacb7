import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

/** Every setting of the service, read once from the environment and validated before anything starts. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Specification ids to serve; undefined = every implemented one. */
  readonly enabledSpecs: readonly string[] | undefined;
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly auth: AuthConfig;
  readonly tls: TlsConfig | undefined;
  readonly bankBackendUrl: string | undefined;
  readonly bankBackendTimeoutMs: number;
  readonly seedDemoData: boolean;
  readonly bodyLimitBytes: number;
  readonly requestCharset: RequestCharset;
  readonly idempotencyRetentionHours: number;
  readonly logLevel: LogLevel;
}

export interface AuthConfig {
  readonly basic: { readonly user: string; readonly password: string } | undefined;
  readonly bearerToken: string | undefined;
  readonly jwt: { readonly jwksUrl: string; readonly issuer: string | undefined; readonly audience: string | undefined } | undefined;
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

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const CHARSETS: readonly RequestCharset[] = ['auto', 'latin1', 'utf8'];

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export function hasCredentials(auth: AuthConfig): boolean {
  return auth.basic !== undefined || auth.bearerToken !== undefined || auth.jwt !== undefined;
}

/** Reads and validates the configuration; the first bad value stops the boot with a message naming the variable. */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) {
      return fallback;
    }
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return Number(raw);
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) {
      return fallback;
    }
    if (!(values as readonly string[]).includes(raw)) {
      throw new ConfigurationError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = text(name);
    if (raw === undefined) {
      return undefined;
    }
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigurationError(`${name} must be an absolute URL, got "${raw}"`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigurationError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    }
    return raw.replace(/\/+$/, '');
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) {
      return fallback;
    }
    if (['true', '1', 'yes'].includes(raw)) {
      return true;
    }
    if (['false', '0', 'no'].includes(raw)) {
      return false;
    }
    throw new ConfigurationError(`${name} must be true or false, got "${raw}"`);
  };

  const host = text('HOST') ?? '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0) {
    throw new ConfigurationError(`HOST must be an IP address or localhost, got "${host}"`);
  }

  const specsRaw = text('EXTENSION_SPECS');
  const enabledSpecs = specsRaw?.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (specsRaw !== undefined && enabledSpecs?.length === 0) {
    throw new ConfigurationError('EXTENSION_SPECS must list at least one specification id');
  }

  const basicUser = text('EXTENSION_BASIC_USER');
  const basicPassword = env['EXTENSION_BASIC_PASSWORD'];
  if ((basicUser === undefined) !== (basicPassword === undefined || basicPassword === '')) {
    throw new ConfigurationError('EXTENSION_BASIC_USER and EXTENSION_BASIC_PASSWORD must be set together');
  }
  if (basicUser?.includes(':')) {
    throw new ConfigurationError('EXTENSION_BASIC_USER must not contain ":" (Basic authentication splits on it)');
  }
  const jwksUrl = url('EXTENSION_JWKS_URL', ['https:', 'http:']);
  if (jwksUrl === undefined && (text('EXTENSION_JWT_ISSUER') ?? text('EXTENSION_JWT_AUDIENCE')) !== undefined) {
    throw new ConfigurationError('EXTENSION_JWT_ISSUER and EXTENSION_JWT_AUDIENCE need EXTENSION_JWKS_URL');
  }
  const auth: AuthConfig = {
    basic: basicUser !== undefined && basicPassword ? { user: basicUser, password: basicPassword } : undefined,
    bearerToken: text('EXTENSION_BEARER_TOKEN'),
    jwt: jwksUrl
      ? { jwksUrl, issuer: text('EXTENSION_JWT_ISSUER'), audience: text('EXTENSION_JWT_AUDIENCE') }
      : undefined,
  };

  const certFile = text('TLS_CERT_FILE');
  const keyFile = text('TLS_KEY_FILE');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigurationError('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
  }
  const readPem = (name: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigurationError(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${path}`);
    }
  };
  const tls = certFile && keyFile ? { cert: readPem('TLS_CERT_FILE', certFile), key: readPem('TLS_KEY_FILE', keyFile) } : undefined;

  return {
    port: integer('PORT', 3000, 0, 65535),
    host,
    enabledSpecs,
    databaseUrl: text('DATABASE_URL'),
    databasePoolSize: integer('DATABASE_POOL_SIZE', 10, 1, 200),
    auth,
    tls,
    bankBackendUrl: url('BANK_BACKEND_URL', ['https:', 'http:']),
    bankBackendTimeoutMs: integer('BANK_BACKEND_TIMEOUT_MS', 2000, 50, 60000),
    seedDemoData: boolean('SEED_DEMO_DATA', true),
    bodyLimitBytes: parseByteSize('EXTENSION_BODY_LIMIT', text('EXTENSION_BODY_LIMIT') ?? '10mb'),
    requestCharset: oneOf('EXTENSION_REQUEST_CHARSET', CHARSETS, 'auto'),
    idempotencyRetentionHours: integer('IDEMPOTENCY_RETENTION_HOURS', 24, 1, 24 * 90),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  };
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
