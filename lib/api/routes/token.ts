import { z } from 'zod';
import { scopesFor } from '@/lib/connectors';
import { publicUrl } from '@/lib/config';
import { apiGeneratePin, apiLoginWithPin, oauthTokenExchange } from '@/lib/grants';
import { exchangeRefreshToken } from '@/lib/tokens';
import { DomainError } from '@/lib/errors';
import { route, type RouteInput } from '../route';

/** The token service (kaizala-connectors.md §4.1, §4.4, §4.5). None of these take an access token. */
const MAX_HEADER = 4096;

function requiredHeaders(input: RouteInput<unknown, unknown, unknown>, names: string[]): string[] {
  const values = names.map((name) => {
    const v = input.header(name);
    if (v.length > MAX_HEADER) throw new DomainError('HeaderTooLong', { name });
    return v.trim();
  });
  const missing = names.filter((_, i) => !values[i]);
  if (missing.length) throw new DomainError('MissingHeaders', { names: missing });
  return values;
}

const accessTokenResponse = z.object({
  accessToken: z.string().describe('Send it in the `accessToken` header of every API call (24 h).'),
  endpointUrl: z.string().describe('Base URL for the API calls.'),
  accessTokenExpiry: z.number().int().describe('Expiry, epoch milliseconds.'),
  refreshToken: z.string().describe("Empty until 90 % of the refresh token's life; then its successor, to store and use from now on."),
  scope: z.string().describe('Granted scopes, comma-separated.'),
});

const pin = z
  .union([z.number().int().min(0).max(999_999), z.string().regex(/^\d{1,6}$/)])
  .transform((p) => String(p).padStart(6, '0'))
  .describe('The 6-digit PIN from the SMS (number or string).');

export const tokenRoutes = [
  route({
    method: 'GET',
    path: '/accessToken',
    permission: null,
    tag: 'Token service',
    summary: 'Exchange a refresh token for a 24 h access token',
    headers: z.object({
      applicationId: z.string().describe('Connector ID (header names are case-insensitive)'),
      applicationSecret: z.string().describe('Connector secret'),
      refreshToken: z.string().describe('Refresh token from the portal, PIN login or OAuth'),
    }),
    response: accessTokenResponse,
    handler: async (input) => {
      const [applicationId, applicationSecret, refreshToken] = requiredHeaders(input, ['applicationId', 'applicationSecret', 'refreshToken']) as [
        string,
        string,
        string,
      ];
      const { body, headers } = await exchangeRefreshToken({
        applicationId,
        applicationSecret,
        refreshToken,
        ip: input.ip,
        endpointUrl: publicUrl(),
        scopeFor: scopesFor,
      });
      return { body, headers: { ...headers, 'Cache-Control': 'no-store' } };
    },
  }),
  route({
    method: 'POST',
    path: '/generatePin',
    permission: null,
    tag: 'Token service',
    summary: 'Text a sign-in PIN to a phone number (user tokens without the portal)',
    body: z.object({ mobileNumber: z.string().max(32), applicationId: z.string().max(64) }),
    response: z.object({}),
    handler: async ({ body, ip }) => {
      await apiGeneratePin(body.mobileNumber, body.applicationId, ip);
      return { body: {} };
    },
  }),
  route({
    method: 'POST',
    path: '/loginWithPinAndApplicationId',
    permission: null,
    tag: 'Token service',
    summary: "Sign in with the PIN: a user refresh token for the number's groups",
    body: z.object({ mobileNumber: z.string().max(32), applicationId: z.string().max(64), pin, applicationSecret: z.string().max(200).optional() }),
    response: z.object({ refreshToken: z.string(), grantedScope: z.string(), refreshTokenExpiry: z.number().int(), endpointUrl: z.string() }),
    handler: async ({ body, ip }) => ({ body: await apiLoginWithPin(body, ip, publicUrl()), headers: { 'Cache-Control': 'no-store' } }),
  }),
  route({
    method: 'POST',
    path: '/oauth/token',
    permission: null,
    tag: 'Token service',
    summary: 'OAuth 2.0 token endpoint (authorization code)',
    bodyTypes: ['form', 'json'],
    body: z.object({
      client_id: z.string().max(64),
      client_secret: z.string().max(200),
      code: z.string().min(1).max(200),
      redirect_uri: z.string().max(2000).optional(),
      grant_type: z.literal('authorization_code').optional(),
    }),
    response: accessTokenResponse,
    handler: async ({ body, ip }) =>
      oauthTokenExchange(
        { clientId: body.client_id, clientSecret: body.client_secret, code: body.code, redirectUri: body.redirect_uri },
        { ip, endpointUrl: publicUrl() },
      ),
  }),
];
