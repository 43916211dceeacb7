import { ConfigurationError, loadAppConfig } from './app-config.js';

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
      seedDemoData: true,
      bodyLimitBytes: 10 * 1024 * 1024,
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
      auth: { basic: { user: 'is', password: 'pw' }, bearerToken: 'tok', jwt: { jwksUrl: 'https://gw.example/jwks', issuer: 'https://gw.example', audience: 'ext' } },
      bankBackendUrl: 'http://core:8080/api',
      bankBackendTimeoutMs: 500,
      seedDemoData: false,
      bodyLimitBytes: 2 * 1024 * 1024,
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
    [{ EXTENSION_BASIC_USER: 'a:b', EXTENSION_BASIC_PASSWORD: 'pw' }, 'EXTENSION_BASIC_USER must not contain ":" (Basic authentication splits on it)'],
    [{ EXTENSION_JWT_ISSUER: 'x' }, 'EXTENSION_JWT_ISSUER and EXTENSION_JWT_AUDIENCE need EXTENSION_JWKS_URL'],
    [{ EXTENSION_JWKS_URL: 'not a url' }, 'EXTENSION_JWKS_URL must be an absolute URL, got "not a url"'],
    [{ BANK_BACKEND_URL: 'ftp://core' }, 'BANK_BACKEND_URL must use https: or http:, got "ftp:"'],
    [{ TLS_CERT_FILE: '/tmp/c.pem' }, 'TLS_CERT_FILE and TLS_KEY_FILE must be set together'],
    [{ TLS_CERT_FILE: '/nope/c.pem', TLS_KEY_FILE: '/nope/k.pem' }, 'TLS_CERT_FILE cannot be read (ENOENT): /nope/c.pem'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA must be true or false, got "maybe"'],
    [{ EXTENSION_BODY_LIMIT: '10gb' }, 'EXTENSION_BODY_LIMIT must be a size from 1kb to 100mb (e.g. 10mb), got "10gb"'],
    [{ EXTENSION_REQUEST_CHARSET: 'ebcdic' }, 'EXTENSION_REQUEST_CHARSET must be one of auto, latin1, utf8, got "ebcdic"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ BANK_BACKEND_TIMEOUT_MS: '10' }, 'BANK_BACKEND_TIMEOUT_MS must be a whole number from 50 to 60000, got "10"'],
  ])('stops on %j with a message naming the setting', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(new ConfigurationError(message));
  });
});
