import { readConsoleSettings } from '@app/console';
import { SettingsReader, type SettingRecord } from '@app/contract';
import { loadAppConfig, type AppConfig } from '@app/platform';
import { selectSpecs, type SpecSelection } from './available-specs.js';
import { loadSpecModules, type LoadedSpecModule } from './modules/extension-module-loader.js';
import { resolveSdkImports } from './modules/sdk-resolution.js';

export interface ServiceConfiguration {
  readonly config: AppConfig;
  readonly loaded: readonly LoadedSpecModule[];
  readonly selection: SpecSelection;
  /** Every setting read, with its value (secrets masked) and where it came from. */
  readonly settings: readonly SettingRecord[];
}

/**
 * Everything the service reads before it starts: its own settings, the modules of EXTENSION_MODULES, and the settings
 * of every specification it builds. Throws a ConfigurationError naming the first bad value or module.
 */
export async function loadServiceConfiguration(
  env: Readonly<Record<string, string | undefined>>,
  demo: boolean,
): Promise<ServiceConfiguration> {
  const settings = new SettingsReader(env);
  const config = loadAppConfig(env, { demo }, settings);
  if (config.extraModules.length > 0) {
    resolveSdkImports();
  }
  const loaded = await loadSpecModules(config.extraModules);
  const selection = selectSpecs(config.enabledSpecs, env, loaded, settings);
  // Read here too, so that npm run config lists the console's settings and a bad one stops before anything starts.
  readConsoleSettings(settings);
  return { config, loaded, selection, settings: settings.catalogue.all() };
}

/** The settings as a table a person reads: name, value, source, owner and what the setting does. */
export function formatSettings(records: readonly SettingRecord[]): string {
  const rows = records.map((record) => [
    record.name,
    record.value === '' ? '-' : record.value,
    record.source,
    record.owner,
    record.description,
  ]);
  const header = ['SETTING', 'VALUE', 'FROM', 'OWNER', 'MEANING'];
  const widths = header
    .slice(0, 4)
    .map((title, column) => Math.min(60, Math.max(title.length, ...rows.map((row) => row[column].length))));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
