/**
 * The module rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * Modules are listed from the bottom up: a module may import the kernel and the modules listed
 * before it, never one listed after it, so no import cycle between modules can exist.
 */
const MODULE_ORDER = [
  'agencies',
  'accounts',
  'catalog',
  'datastore',
  'metadata',
  'workflows',
  'sop',
  'verification',
  'dissemination',
  'data-requests',
  'planning',
  'linked-data',
  'evaluation',
  'demo',
  'backup',
  'workspace',
  'portal',
  'admin',
  'api-docs',
];

const layerRules = MODULE_ORDER.map((name, i) => ({
  name: `module-order-${name}`,
  comment: `${name} may import only the kernel and the modules below it: ${MODULE_ORDER.slice(0, i).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: {
    path: MODULE_ORDER.slice(i + 1).length ? `^src/modules/(${MODULE_ORDER.slice(i + 1).join('|')})/` : '^$',
  },
}));

/** Pure code: no database, HTTP, jobs or storage. */
const PURE = '^src/modules/[^/]+/domain/|^src/kernel/(calendar|table-schema)/';
const IO_PACKAGES = ['kysely', 'pg', 'pg-copy-streams', '@electric-sql/pglite', 'fastify', '@fastify/[^/]+'];

module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-module',
      comment: 'The kernel is what every module needs and knows none of them (src/modules.ts wires them).',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(modules/|modules\\.ts$|main\\.ts$|cli/)' },
    },
    ...layerRules,
    {
      name: 'no-module-cycle',
      comment:
        'An import loop that leaves its module: modules and the kernel import each other in one direction only.',
      severity: 'error',
      from: { path: '^src/(modules/[^/]+|kernel|cli)/' },
      to: { circular: true, viaSomeNot: '^src/$1/' },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'Another module is reached only through its public entry, index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'wiring-meets-modules-through-index',
      comment: 'main.ts, modules.ts and the CLI reach a module only through its index.ts.',
      severity: 'error',
      from: { path: '^src/(cli/|[^/]+\\.ts$)' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain code imports no database, HTTP, job or storage code.',
      severity: 'error',
      from: { path: PURE },
      to: {
        path: [
          '^src/kernel/(db|http|jobs|storage|notifications)/',
          '\\.repository\\.ts$',
          '/pages/',
          `(^|/)node_modules/(${IO_PACKAGES.join('|')})/`,
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'pages-get-view-models',
      comment:
        'Page templates and components import no Kysely and no repository: loaders hand them finished view models.',
      severity: 'error',
      from: { path: '/pages/.*\\.tsx$' },
      to: { path: ['(^|/)node_modules/kysely/', '^src/kernel/db/(?!schema)'] },
    },
    {
      name: 'pages-call-no-repository',
      comment: 'Page templates and components call no repository (a row type may be named).',
      severity: 'error',
      from: { path: '/pages/.*\\.tsx$' },
      to: { path: '\\.repository\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sql-only-in-repositories',
      comment:
        "Kysely's builders (sql, expressions) are used only in *.repository.ts files and the kernel's database code.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.repository\\.ts$', '^src/kernel/db/', '\\.test\\.tsx?$'] },
      to: { path: '(^|/)node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
