import { z } from 'zod';
import { invokeSchema, invokeViaApi } from '@/lib/connections';
import { route } from '../route';

/**
 * Connections (product.md §9, ours): call a third-party API through one of the organization's
 * connections without holding its credentials. Permission: Connections.
 */
export const connectionRoutes = [
  route({
    method: 'POST',
    path: '/connections/{linkName}/invoke',
    permission: 'connections',
    tag: 'Connections',
    summary:
      "Calls the connection's provider: `url` must lie under one of the service's allowed API base URLs (no user@host, no `..` or encoded separators); we attach the credential (refreshing the access token when it is about to expire), never follow redirects, and return the provider's status, selected headers and body (at most CONNECTIONS_MAX_RESPONSE_BYTES, 1 MiB). `Authorization` and transport headers cannot be set. Another organization's link name is 404; a connection that needs reconnecting 409",
    params: z.object({ linkName: z.string().max(50).describe("The connection's link name, e.g. `crm_leads`") }),
    body: invokeSchema,
    response: z.object({
      status: z.number().int().describe("The provider's HTTP status (a 3xx is returned, never followed)"),
      headers: z.record(z.string(), z.string()).describe('content-type, etag, location, retry-after, x-ratelimit-* … of the answer'),
      body: z.unknown().describe('JSON as JSON, text as a string, anything else base64'),
      bodyEncoding: z.enum(['json', 'text', 'base64', 'none']),
    }),
    handler: async ({ params, body, claims, ip }) => invokeViaApi(claims!, params.linkName, body, ip),
  }),
];
