import { registerHooks } from 'node:module';

/*
 * The entry of the SQLite writer thread. Built, it loads sqlite-writer.thread.js. From the TypeScript sources (the
 * tests), Node strips the types itself, but the sources' relative imports name the built files ('./x.js'): they are
 * resolved to the '.ts' beside them. Nothing else is resolved differently.
 */
if (import.meta.url.endsWith('.ts')) {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const fromSources =
        specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts') === true;
      return nextResolve(fromSources ? `${specifier.slice(0, -'.js'.length)}.ts` : specifier, context);
    },
  });
}
await import('./sqlite-writer.thread.js');
