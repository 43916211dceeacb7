import { ConfigurationError, createExtensionServer, loadAppConfig } from '@app/platform';
import { AppModule } from './app.module.js';

/**
 * Starts the service. A configuration error stops the boot with one line naming the setting; SIGTERM lets in-flight
 * calls finish (Fastify stops accepting, answers 503 to new requests on kept-alive connections) before exiting.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const { app, logger } = await createExtensionServer(AppModule.forRoot(config), config);
  await app.listen(config.port, config.host);
  const scheme = config.tls ? 'https' : 'http';
  logger.info(`Consent extension service listening on ${scheme}://${config.host}:${config.port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
