import type { z } from 'zod';
import type { PermissionKey } from '@/lib/connectors';
import type { AccessClaims } from '@/lib/tokens';

/**
 * One entry of the `/v1` route table (product.md §12): method, path, the permission it needs, zod schemas
 * for what comes in and goes out, and the handler. The table registers the routes, enforces the
 * permission and generates the OpenAPI document; nothing else declares a `/v1` route.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a handler gets: validated input, the caller's verified claims (permission routes) and IP. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  header: (name: string) => string;
  claims: AccessClaims | null;
  ip: string | null;
  /** the request itself: multipart routes stream its body (the router does not read it for them) */
  request: Request;
}

export type RouteResult<R> =
  | {
      body: R;
      status?: 200 | 201 | 503;
      headers?: Record<string, string>;
      /** an answer that is not JSON (a media file): sent as it is */
      raw?: Response;
    }
  | {
      /** the JSON body already serialized (an answer of the read cache, lib/platform/read-cache.ts); matches `response` */
      json: string;
      status?: 200 | 201 | 503;
      headers?: Record<string, string>;
    };

export interface Route<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method;
  /** OpenAPI style, under /v1: `/groups/{groupId}` */
  path: string;
  /** connector permission the access token must carry; `null` = token service (no access token) */
  permission: PermissionKey | null;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** request headers the route reads (documentation; handlers read them with `header()`) */
  headers?: z.ZodObject;
  body?: z.ZodType<B>;
  /** accepted body encodings (default JSON only); `multipart`: streamed by the handler, no 1 MiB limit */
  bodyTypes?: ('json' | 'form' | 'multipart')[];
  /** a bot access token may call this route (every other route refuses bot tokens with 403) */
  bots?: boolean;
  response: z.ZodType<R>;
  handler: (input: RouteInput<P, Q, B>) => Promise<RouteResult<R>>;
}

/** Typed helper: infers the handler's input types from the schemas. */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown>(def: Route<P, Q, B, R>): Route {
  return def as unknown as Route;
}
