import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { registerAuthenticationHook } from './auth/authentication-hook.js';
import { ConfigurationError, hasCredentials, isLoopbackHost, type AppConfig } from './config/app-config.js';
import { registerGracefulShutdown } from './http/graceful-shutdown.js';
import {
  contractClientErrorHandler,
  contractFrameworkErrors,
  registerHttpLevelAnswers,
} from './http/http-level-errors.js';
import { registerJsonBodyParser } from './http/json-body-parser.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { PinoNestLogger, createServiceLogger } from './observability/service-logger.js';

/**
 * The identity server reuses pooled keep-alive connections; a server idle timeout shorter than its reuse pattern
 * causes NoHttpResponseException, which it does not retry (contract §2.6).
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/**
 * How often Node looks for requests past their headers or request timeout (its default, 30 s, would let a stalled
 * client hold its connection up to 30 s longer than the timeouts say).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 500;

export interface ExtensionServer {
  readonly app: NestFastifyApplication;
  readonly logger: Logger;
}

/**
 * Builds the HTTP application exactly as production runs it; `main.ts` and the end-to-end tests both call this, so the
 * tests exercise the real pipeline (body decoding, authentication, filter, routes). It does not listen.
 */
export async function createExtensionServer(
  rootModule: DynamicModule,
  config: AppConfig,
  logger = createServiceLogger(config.logLevel),
): Promise<ExtensionServer> {
  assertSafeExposure(config, logger);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Per-request access logs would cost more than the call itself on validate-consent-access; metrics count calls.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // A request still arriving after these gets 408 (contractClientErrorHandler) and its connection is closed.
    requestTimeout: config.requestTimeoutMs,
    // Answered by registerGracefulShutdown, in the contract's shape, instead of Fastify's own 503 body.
    return503OnClosing: false,
    clientErrorHandler: contractClientErrorHandler(logger),
    frameworkErrors: contractFrameworkErrors,
    // Node would answer a request without Host itself, with an empty body; registerHttpLevelAnswers does.
    http: {
      requireHostHeader: false,
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    ...(config.tls
      ? {
          https: {
            cert: config.tls.cert,
            key: config.tls.key,
            minVersion: 'TLSv1.2' as const,
            requireHostHeader: false,
            headersTimeout: config.headersTimeoutMs,
            connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
          },
        }
      : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bodyParser: false,
    abortOnError: false,
    logger: new PinoNestLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify, {
    charset: config.requestCharset,
    bodyLimit: config.bodyLimitBytes,
    maxDepth: config.maxJsonDepth,
  });
  registerGracefulShutdown(fastify);
  registerHttpLevelAnswers(fastify);
  registerAuthenticationHook(fastify, config.auth);
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return { app, logger };
}

/**
 * An extension service without credentials would let anyone on the network approve consents: refuse to listen
 * beyond loopback in that case, and say so loudly on loopback.
 */
function assertSafeExposure(config: AppConfig, logger: Logger): void {
  if (hasCredentials(config.auth)) {
    return;
  }
  if (!isLoopbackHost(config.host)) {
    throw new ConfigurationError(
      `HOST=${config.host} is not a loopback address and no credentials are configured: set EXTENSION_BASIC_USER/EXTENSION_BASIC_PASSWORD, EXTENSION_BEARER_TOKEN or EXTENSION_JWKS_URL`,
    );
  }
  logger.warn(
    'NO CREDENTIALS CONFIGURED: the extension endpoints accept any caller. Acceptable on loopback for development only.',
  );
}
