import { registerHooks } from 'node:module';

/** The names under which module authors import the module API, relative to this compiled file. */
export const SDK_SPECIFIERS = {
  '@consent-extensions/sdk': '../../../../libs/sdk/src/index.js',
  '@consent-extensions/sdk/testing': '../../../../libs/sdk/src/testing.js',
} as const;

let registered = false;

function isBareSpecifier(specifier: string): boolean {
  return !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
}

/**
 * Lets a module loaded from EXTENSION_MODULES, wherever it lies on disk, `import … from '@consent-extensions/sdk'`
 * and get this service's own copy: the ports are the injection tokens the platform looks up, so a module must share
 * them with the service rather than bring a copy of its own. A package the module does not have itself (its peer
 * dependencies, e.g. `@nestjs/common`) is resolved from the service, as a plugin host does.
 */
export function resolveSdkImports(): void {
  if (registered) {
    return;
  }
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const target = (SDK_SPECIFIERS as Readonly<Record<string, string>>)[specifier];
      if (target !== undefined) {
        return { url: new URL(target, import.meta.url).href, shortCircuit: true };
      }
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        if (!isBareSpecifier(specifier) || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') {
          throw error;
        }
        return nextResolve(specifier, { ...context, parentURL: import.meta.url });
      }
    },
  });
}
