import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**']),
  {
    rules: {
      // a domain uses another only through its index.ts (conventions §4)
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@/lib/(?!actions/|auth/actions$|auth/auth$|request/header$)[^/]+/(?!index$|(?:[a-z]+-)?actions$|schemas$)[^/]+$',
              message: 'Import another domain through its index.ts (or its actions/schemas).',
            },
          ],
        },
      ],
    },
  },
]);
