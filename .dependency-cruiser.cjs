// Module boundaries for src/ (see shared STYLE.md, "Boundaries"). Run by `npm run lint`:
//   npx depcruise src --config .dependency-cruiser.cjs
//
// Layers (a module may always import its own folder):
//   core                         nothing internal, no node:* builtins (it ships to the browser)
//   config                       core
//   net                          core
//   storage                      core
//   detection                    core, net
//   services, transparency,
//   compliance                   core, detection, storage, net
//   http, worker                 services, transparency, compliance, core, config, net,
//                                context.ts; storage only as `import type`, never storage/repos;
//                                not each other, not cli
//   cli                          as http/worker, plus http and worker (it starts the roles)
//   context.ts                   everything (the only composition root)
//   logger.ts                    importable by every layer except core
// Test files (*.test.ts, test/**) are exempt from the layer rules; cycles are banned everywhere.
//   web/src (the console)        src/core only; API types from the generated web/src/api/schema.d.ts

/** Test files: exempt from the layer rules. */
const TESTS = '(\\.test\\.ts$|^test/)'

/** `from` for a layer: its files, minus tests. */
function layer(pattern) {
  return { path: pattern, pathNot: TESTS }
}

/** A rule that forbids a layer importing any src/ module outside `allowed`. */
function onlyMayImport(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: layer(from),
    to: { path: '^src/', pathNot: allowed },
  }
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Circular dependencies are not allowed anywhere in src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-no-builtins',
      comment: 'src/core ships to the browser: it may not import node:* (or other Node builtins).',
      severity: 'error',
      from: layer('^src/core/'),
      to: { dependencyTypes: ['core'] },
    },
    onlyMayImport(
      'core-imports-nothing-internal',
      '^src/core/',
      '^src/core/',
      'src/core imports nothing internal outside src/core.',
    ),
    onlyMayImport(
      'config-only-core',
      '^src/config/',
      '^src/(config|core)/',
      'src/config may import src/core only.',
    ),
    onlyMayImport(
      'net-only-core',
      '^src/net/',
      '^src/(net|core)/|^src/logger\\.ts$',
      'src/net may import src/core only.',
    ),
    onlyMayImport(
      'storage-only-core',
      '^src/storage/',
      '^src/(storage|core)/|^src/logger\\.ts$',
      'src/storage may import src/core only.',
    ),
    onlyMayImport(
      'detection-only-core-net',
      '^src/detection/',
      '^src/(detection|core|net)/|^src/logger\\.ts$',
      'src/detection may import src/core and src/net only.',
    ),
    onlyMayImport(
      'services-layer',
      '^src/services/',
      '^src/(services|core|detection|storage|net)/|^src/logger\\.ts$',
      'src/services may import core, detection, storage and net only.',
    ),
    onlyMayImport(
      'transparency-layer',
      '^src/transparency/',
      '^src/(transparency|core|detection|storage|net)/|^src/logger\\.ts$',
      'src/transparency may import core, detection, storage and net only.',
    ),
    onlyMayImport(
      'compliance-layer',
      '^src/compliance/',
      '^src/(compliance|core|detection|storage|net)/|^src/logger\\.ts$',
      'src/compliance may import core, detection, storage and net only.',
    ),
    onlyMayImport(
      'http-worker-layer',
      '^src/(http|worker)/',
      '^src/(http|worker|services|transparency|compliance|core|config|net|storage)/|^src/(context|logger)\\.ts$',
      'src/http and src/worker may import services, transparency, compliance, core, config, net ' +
        'and src/context.ts (storage only as types, see edge-no-storage-runtime).',
    ),
    {
      name: 'http-not-worker-cli',
      comment: 'src/http does not import src/worker or src/cli.',
      severity: 'error',
      from: layer('^src/http/'),
      to: { path: '^src/(worker|cli)/' },
    },
    {
      name: 'worker-not-http-cli',
      comment: 'src/worker does not import src/http or src/cli.',
      severity: 'error',
      from: layer('^src/worker/'),
      to: { path: '^src/(http|cli)/' },
    },
    onlyMayImport(
      'cli-layer',
      '^src/cli/',
      '^src/(cli|http|worker|services|transparency|compliance|core|config|net|storage)/|^src/(context|logger)\\.ts$',
      'src/cli may import http and worker (to start the roles), services, transparency, compliance, ' +
        'core, config, net and src/context.ts (storage only as types).',
    ),
    {
      name: 'edge-no-repos',
      comment:
        'src/http, src/worker and src/cli never import src/storage/repos: go through a service.',
      severity: 'error',
      from: layer('^src/(http|worker|cli)/'),
      to: { path: '^src/storage/repos/' },
    },
    {
      name: 'edge-no-storage-runtime',
      comment:
        'src/http, src/worker and src/cli get storage through the AppContext (src/context.ts); ' +
        'they may import storage types (`import type`) but no storage code.',
      severity: 'error',
      from: layer('^src/(http|worker|cli)/'),
      to: { path: '^src/storage/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'logger-only-core-config',
      comment: 'src/logger.ts may import core and config only.',
      severity: 'error',
      from: { path: '^src/logger\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(core|config)/|^src/logger\\.ts$' },
    },
    {
      name: 'web-only-core',
      comment:
        'The console (web/) imports src/core only at runtime; the API shapes come from ' +
        'web/src/api/schema.d.ts, generated from the OpenAPI document (npm run api:types).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|test|scripts|bench|bin)/', pathNot: '^src/core/' },
    },
    {
      name: 'web-no-builtins',
      comment: 'The console runs in the browser: no node:* (or other Node builtins).',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'Production code must not import test files or test/ helpers.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import must resolve (an unresolved one would slip past the layer rules).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
