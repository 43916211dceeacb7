// Jest on Node 20 cannot require() an ES module, but a few CommonJS dependencies of the service (e.g. @fastify/static)
// require ESM-only packages, which Node 20.19+ itself allows. This transformer turns just those packages into
// CommonJS for the test runtime; the service itself runs them unchanged.
const ts = require('typescript');

module.exports = {
  process(sourceText, sourcePath) {
    const { outputText } = ts.transpileModule(sourceText, {
      fileName: sourcePath,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
      },
    });
    return { code: outputText };
  },
};
