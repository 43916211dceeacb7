import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SPEC_ID_PATTERN, SPEC_MODULE_API_VERSION, type SpecModule } from '@app/contract';
import { ConfigurationError } from '@app/platform';

/** A specification module loaded from EXTENSION_MODULES, with the entry that named it. */
export interface LoadedSpecModule {
  readonly entry: string;
  readonly module: SpecModule;
}

/** A file path (absolute, `./…`, `../…` or `file:`) rather than an npm package name. */
function isPath(entry: string): boolean {
  return isAbsolute(entry) || entry.startsWith('./') || entry.startsWith('../') || entry.startsWith('file:');
}

/** What `import()` is given: a file URL for paths (resolved against `cwd`), the bare name for packages. */
export function moduleSpecifier(entry: string, cwd: string): string {
  if (entry.startsWith('file:')) {
    return entry;
  }
  return isPath(entry) ? pathToFileURL(resolve(cwd, entry)).href : entry;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks the shape of a module's default export, naming the first thing that is wrong. */
export function checkSpecModule(entry: string, exported: unknown): SpecModule {
  const candidate = isObject(exported) && 'default' in exported ? exported['default'] : undefined;
  const fail = (problem: string): never => {
    throw new ConfigurationError(`EXTENSION_MODULES: module "${entry}" ${problem}`);
  };
  if (!isObject(candidate)) {
    return fail(
      'has no default export; it must export default a SpecModule (defineSpecModule({ apiVersion, id, create }))',
    );
  }
  if (candidate['apiVersion'] !== SPEC_MODULE_API_VERSION) {
    return fail(
      `was written for module API version ${JSON.stringify(candidate['apiVersion'])}; this service provides version ${SPEC_MODULE_API_VERSION}`,
    );
  }
  if (typeof candidate['id'] !== 'string' || !SPEC_ID_PATTERN.test(candidate['id'])) {
    return fail(
      `has the id ${JSON.stringify(candidate['id'])}; an id is a path segment of lower-case letters, digits and dashes (${SPEC_ID_PATTERN.source})`,
    );
  }
  if (typeof candidate['create'] !== 'function') {
    return fail('has no create(settings) function');
  }
  return candidate as unknown as SpecModule;
}

/**
 * Imports each module named by EXTENSION_MODULES: npm package names are resolved from the service's own
 * node_modules, paths from the working directory. A module that cannot be imported, or whose default export is not a
 * SpecModule of this API version, stops the boot with a message naming it.
 */
export async function loadSpecModules(entries: readonly string[], cwd = process.cwd()): Promise<LoadedSpecModule[]> {
  const loaded: LoadedSpecModule[] = [];
  for (const entry of entries) {
    let exported: unknown;
    try {
      exported = await import(moduleSpecifier(entry, cwd));
    } catch (error) {
      throw new ConfigurationError(
        `EXTENSION_MODULES: module "${entry}" cannot be loaded: ${(error as Error).message}`,
      );
    }
    loaded.push({ entry, module: checkSpecModule(entry, exported) });
  }
  return loaded;
}
