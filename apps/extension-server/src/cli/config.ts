import { ConfigurationError } from '@app/platform';
import { formatSettings, loadServiceConfiguration } from '../service-configuration.js';

/*
 * `npm run config`: every setting of the service and of the specifications it would serve, with the value it would
 * use (secrets masked) and where that value came from (environment, file, default). Exits 1 on a bad value, with the
 * same message the boot would give.
 */
try {
  const { settings } = await loadServiceConfiguration(process.env, process.argv.includes('--demo'));
  process.stdout.write(formatSettings(settings));
} catch (error) {
  if (!(error instanceof ConfigurationError)) {
    throw error;
  }
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exitCode = 1;
}
