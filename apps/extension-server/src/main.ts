import { ConfigurationError, createExtensionServer } from '@app/platform';
import { AppModule } from './app.module.js';
import { formatSettings, loadServiceConfiguration } from './service-configuration.js';

const USAGE = `Usage: node dist/apps/extension-server/src/main.js [--demo] [--help]
  --demo  seed the embedded bank with demo customers when it is empty (npm start), unless SEED_DEMO_DATA says otherwise
  --help  print every setting with its current value (secrets masked) and where it came from, then exit
Settings are environment variables; a secret NAME is also read from the file named by NAME_FILE.
`;

/**
 * Starts the service. A configuration error stops the boot with one line naming the setting; SIGTERM lets in-flight
 * calls finish (Fastify stops accepting, answers 503 to new requests on kept-alive connections) before exiting.
 */
async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.find((arg) => arg !== '--demo' && arg !== '--help');
  if (unknown !== undefined) {
    process.stderr.write(`Unknown argument "${unknown}"\n${USAGE}`);
    process.exit(2);
  }
  const { config, loaded, settings } = await loadServiceConfiguration(process.env, argv.includes('--demo'));
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n${formatSettings(settings)}`);
    return;
  }
  const { app, logger } = await createExtensionServer(AppModule.forRoot(config, loaded), config);
  await app.listen(config.port, config.host);
  const scheme = config.tls ? 'https' : 'http';
  logger.info(`Consent extension service listening on ${scheme}://${config.host}:${config.port} (docs at /docs)`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
