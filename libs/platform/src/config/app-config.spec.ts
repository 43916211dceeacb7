import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsReader } from '@app/contract';
import { ConfigurationError, loadAppConfig } from './app-config.js';

function secretFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'settings-')), 'secret');
  writeFileSync(path, content);
  return path;
}

describe(loadAppConfig.name, () => {
  it('has the documented defaults', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      enabledSpecs: undefined,
      databaseUrl: undefined,
      databasePoolSize: 10,
      tls: undefined,
      bankBackendUrl: undefined,
      bankBackendTimeoutMs: 2000,
      customerIds: { tenantDomains: ['carbon.super'], stripUserStore: true },
      seedDemoData: false,
      extraModules: [],
      bodyLimitBytes: 10 * 1024 * 1024,
      maxJsonDepth: 64,
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 10_000,
      requestCharset: 'auto',
      idempotencyRetentionHours: 24,
      logLevel: 'info',
      auth: { basic: undefined, bearerToken: undefined, jwt: undefined },
    });
  });

  it('reads every setting', () => {
    const config = loadAppConfig({
      PORT: '8443',
      HOST: '0.0.0.0',
      EXTENSION_SPECS: 'uk, berlin',
      DATABASE_URL: 'mysql://u:p@db:3306/ext',
      DATABASE_POOL_SIZE: '40',
      EXTENSION_BASIC_USER: 'is',
      EXTENSION_BASIC_PASSWORD: 'pw',
      EXTENSION_BEARER_TOKEN: 'tok',
      EXTENSION_JWKS_URL: 'https://gw.example/jwks/',
      EXTENSION_JWT_ISSUER: 'https://gw.example',
      EXTENSION_JWT_AUDIENCE: 'ext',
      BANK_BACKEND_URL: 'http://core:8080/api/',
      BANK_BACKEND_TIMEOUT_MS: '500',
      SEED_DEMO_DATA: 'false',
      EXTENSION_BODY_LIMIT: '2mb',
      EXTENSION_MAX_JSON_DEPTH: '100',
      EXTENSION_HEADERS_TIMEOUT_MS: '2000',
      EXTENSION_REQUEST_TIMEOUT_MS: '30000',
      EXTENSION_REQUEST_CHARSET: 'latin1',
      IDEMPOTENCY_RETENTION_HOURS: '48',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8443,
      host: '0.0.0.0',
      enabledSpecs: ['uk', 'berlin'],
      databaseUrl: 'mysql://u:p@db:3306/ext',
      databasePoolSize: 40,
      auth: {
        basic: { user: 'is', password: 'pw' },
        bearerToken: 'tok',
        jwt: { jwksUrl: 'https://gw.example/jwks', issuer: 'https://gw.example', audience: 'ext' },
      },
      bankBackendUrl: 'http://core:8080/api',
      bankBackendTimeoutMs: 500,
      seedDemoData: false,
      bodyLimitBytes: 2 * 1024 * 1024,
      maxJsonDepth: 100,
      headersTimeoutMs: 2_000,
      requestTimeoutMs: 30_000,
      requestCharset: 'latin1',
      idempotencyRetentionHours: 48,
      logLevel: 'warn',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ HOST: 'my host' }, 'HOST must be an IP address or localhost, got "my host"'],
    [{ EXTENSION_SPECS: ' , ' }, 'EXTENSION_SPECS must list at least one specification id'],
    [{ EXTENSION_BASIC_USER: 'is' }, 'EXTENSION_BASIC_USER and EXTENSION_BASIC_PASSWORD must be set together'],
    [{ EXTENSION_BASIC_PASSWORD: 'pw' }, 'EXTENSION_BASIC_USER and EXTENSION_BASIC_PASSWORD must be set together'],
    [
      { EXTENSION_BASIC_USER: 'a:b', EXTENSION_BASIC_PASSWORD: 'pw' },
      'EXTENSION_BASIC_USER must not contain ":" (Basic authentication splits on it)',
    ],
    [{ EXTENSION_JWT_ISSUER: 'x' }, 'EXTENSION_JWT_ISSUER and EXTENSION_JWT_AUDIENCE need EXTENSION_JWKS_URL'],
    [{ EXTENSION_JWKS_URL: 'not a url' }, 'EXTENSION_JWKS_URL must be an absolute https or http URL, got "not a url"'],
    [{ BANK_BACKEND_URL: 'ftp://core' }, 'BANK_BACKEND_URL must be an absolute https or http URL, got "ftp://core"'],
    [{ TLS_CERT_FILE: '/tmp/c.pem' }, 'TLS_CERT_FILE and TLS_KEY_FILE must be set together'],
    [
      { TLS_CERT_FILE: '/nope/c.pem', TLS_KEY_FILE: '/nope/k.pem' },
      'TLS_CERT_FILE cannot be read (ENOENT): /nope/c.pem',
    ],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA must be true or false (also on/off, yes/no, 1/0), got "maybe"'],
    [{ EXTENSION_BODY_LIMIT: '10gb' }, 'EXTENSION_BODY_LIMIT must be a size from 1kb to 100mb (e.g. 10mb), got "10gb"'],
    [
      { EXTENSION_REQUEST_TIMEOUT_MS: '100' },
      'EXTENSION_REQUEST_TIMEOUT_MS must be a whole number from 500 to 600000, got "100"',
    ],
    [
      { EXTENSION_HEADERS_TIMEOUT_MS: '20000', EXTENSION_REQUEST_TIMEOUT_MS: '10000' },
      'EXTENSION_HEADERS_TIMEOUT_MS (20000) must not exceed EXTENSION_REQUEST_TIMEOUT_MS (10000): the headers are part of the request',
    ],
    [
      { EXTENSION_MAX_JSON_DEPTH: '10000' },
      'EXTENSION_MAX_JSON_DEPTH must be a whole number from 16 to 512, got "10000"',
    ],
    [
      { EXTENSION_REQUEST_CHARSET: 'ebcdic' },
      'EXTENSION_REQUEST_CHARSET must be one of auto, latin1, utf8, got "ebcdic"',
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ BANK_BACKEND_TIMEOUT_MS: '10' }, 'BANK_BACKEND_TIMEOUT_MS must be a whole number from 50 to 60000, got "10"'],
  ])('stops on %j with a message naming the setting', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(new ConfigurationError(message));
  });

  it('seeds demo customers only in demo mode, and never under NODE_ENV=production unless asked', () => {
    expect(loadAppConfig({}, { demo: true }).seedDemoData).toBe(true);
    expect(loadAppConfig({ NODE_ENV: 'production' }, { demo: true }).seedDemoData).toBe(false);
    expect(loadAppConfig({ SEED_DEMO_DATA: 'off' }, { demo: true }).seedDemoData).toBe(false);
    expect(loadAppConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'yes' }).seedDemoData).toBe(true);
  });

  it.each(['true', 'ON', 'yes', '1'])('reads %s as true, like every boolean setting', (word) => {
    expect(loadAppConfig({ SEED_DEMO_DATA: word }).seedDemoData).toBe(true);
  });

  it('reads each secret from the file named by <NAME>_FILE, without its final newline', () => {
    const config = loadAppConfig({
      EXTENSION_BASIC_USER: 'is',
      EXTENSION_BASIC_PASSWORD_FILE: secretFile('s3cret with spaces \n'),
      EXTENSION_BEARER_TOKEN_FILE: secretFile('token-1'),
      DATABASE_URL_FILE: secretFile('mysql://u:p@db:3306/ext\n'),
    });
    expect(config.auth.basic).toEqual({ user: 'is', password: 's3cret with spaces ' });
    expect(config.auth.bearerToken).toBe('token-1');
    expect(config.databaseUrl).toBe('mysql://u:p@db:3306/ext');
  });

  it.each([
    [
      { EXTENSION_BEARER_TOKEN: 'a', EXTENSION_BEARER_TOKEN_FILE: '/x' },
      'EXTENSION_BEARER_TOKEN and EXTENSION_BEARER_TOKEN_FILE must not both be set',
    ],
    [
      { EXTENSION_BEARER_TOKEN_FILE: '/nope/token' },
      'EXTENSION_BEARER_TOKEN_FILE must name a readable file, got "/nope/token" (ENOENT)',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(new ConfigurationError(message));
  });

  it('records every setting with its value and source, secrets masked', () => {
    const settings = new SettingsReader({
      PORT: '8080',
      EXTENSION_BASIC_USER: 'is',
      EXTENSION_BASIC_PASSWORD_FILE: secretFile('pw'),
    });
    loadAppConfig(
      { PORT: '8080', EXTENSION_BASIC_USER: 'is', EXTENSION_BASIC_PASSWORD_FILE: secretFile('pw') },
      {},
      settings,
    );
    const byName = new Map(settings.catalogue.all().map((record) => [record.name, record]));
    expect(byName.get('PORT')).toMatchObject({ owner: 'service', value: '8080', source: 'environment', secret: false });
    expect(byName.get('LOG_LEVEL')).toMatchObject({ value: 'info', source: 'default' });
    expect(byName.get('EXTENSION_BASIC_PASSWORD')).toMatchObject({ value: '********', source: 'file', secret: true });
    expect(byName.get('BANK_BACKEND_URL')).toMatchObject({ value: '', source: 'unset' });
    expect(byName.size).toBe(26);
  });
});
