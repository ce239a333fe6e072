import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// a domain uses another only through its index.ts (conventions §4) — by alias… (limits, permissions and presets:
// plain constants that client components import without pulling a domain's zod schemas into the browser; usage/chart:
// the usage charts' arithmetic, pure functions)
const OTHER_DOMAIN_BY_ALIAS = {
  regex:
    '^@/lib/(?!server-actions/|auth/actions$|auth/auth$|request/header$|i18n/server$)[^/]+/(?!index$|(?:[a-z]+-)?actions$|schemas$|limits$|permissions$|presets$|chart$|(?:[a-z]+-)?kinds$)[^/]+$',
  message: 'Import another domain through its index.ts (or its actions/schemas).',
};
// …and by relative path: `../<domain>/<file>` reaches into another domain's files
const OTHER_DOMAIN_BY_RELATIVE_PATH = {
  regex: '^\\.\\./(?!\\.)[^/]+/(?!index$)[^/]+$',
  message: 'Import another domain through its index.ts (relative paths too).',
};

// links prefetch on intent (components/ui/link.tsx), not every link as it scrolls into view
const NEXT_LINK = { name: 'next/link', message: "Use Link from '@/components/ui/link' (prefetches on hover, touch or focus)." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**']),
  {
    rules: {
      'no-restricted-imports': ['error', { paths: [NEXT_LINK], patterns: [OTHER_DOMAIN_BY_ALIAS] }],
      // no import cycles between our modules (node_modules are not followed)
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NEXT_LINK], patterns: [OTHER_DOMAIN_BY_ALIAS, OTHER_DOMAIN_BY_RELATIVE_PATH] }] },
  },
  {
    // feature UI never talks to the database: it goes through lib/<domain> (actions, server-only reads)
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NEXT_LINK],
          patterns: [OTHER_DOMAIN_BY_ALIAS, { regex: '^(@/db|(\\.\\./)+db)(/|$)', message: 'components/ never imports db/: use the domain in lib/.' }],
        },
      ],
    },
  },
  { files: ['components/ui/link.tsx'], rules: { 'no-restricted-imports': 'off' } },
]);
