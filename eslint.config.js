import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier/flat'

// Dependencies point one way (README, “Folder map”): each folder lists the folders above it,
// which it must not import. Type-only imports of a query's row shape are allowed below it.
/** Every folder of the app above util/. */
const APP = [
  'indicators',
  'present',
  'schools',
  'db',
  'queries',
  'geo',
  'charts',
  'export',
  'import',
  'service',
  'stores',
  'composables',
  'components',
  'views',
]
const ABOVE = {
  util: APP,
  // A page's copy shown while the app loads: the DOM, localStorage and util/ only.
  pageCopy: APP,
  indicators: [
    'db',
    'geo',
    'charts',
    'export',
    'import',
    'present',
    'schools',
    'service',
    'stores',
    'composables',
    'components',
    'views',
  ],
  // Presentation mode's playlist and clock: plain data over the catalog.
  present: APP.slice(3),
  // The school-level schema and its mapping to county fields: plain data over the indicators.
  schools: ['present', ...APP.slice(3)],
  db: ['queries', 'geo', 'charts', 'export', 'import', 'service', 'stores', 'composables', 'components', 'views'],
  queries: ['db', 'geo', 'charts', 'export', 'import', 'service', 'stores', 'composables', 'components', 'views'],
  geo: ['db', 'charts', 'export', 'import', 'service', 'stores', 'composables', 'components', 'views'],
  charts: ['db', 'export', 'import', 'service', 'stores', 'composables', 'components', 'views'],
  export: ['db', 'import', 'service', 'stores', 'composables', 'components', 'views'],
  import: ['service', 'stores', 'composables', 'components', 'views'],
  service: ['stores', 'composables', 'components', 'views'],
  stores: ['composables', 'components', 'views'],
  composables: ['components', 'views'],
  components: ['views'],
  views: [],
}
const layers = Object.entries(ABOVE).map(([folder, above]) => ({
  files: [`src/${folder}/**/*.{ts,vue}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(above.length
            ? [
                {
                  group: above.map((f) => `**/${f}/*`),
                  allowTypeImports: true,
                  message: `src/${folder} must not import from a folder above it (README, “Folder map”).`,
                },
              ]
            : []),
          {
            group: ['**/router.ts', '**/main.ts', '**/App.vue'],
            message: 'Only the entry imports the router and the app: the router imports every view.',
          },
        ],
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', '.tmp/', 'public/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...layers,
  {
    // TypeScript checks names itself (typescript-eslint's advice); no-undef cannot see DOM or Node types.
    rules: { 'no-undef': 'off' },
  },
  // Layout is Prettier's (npm run format): the style rules that would argue with it are off.
  prettier,
)
