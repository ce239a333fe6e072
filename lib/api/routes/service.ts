import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS } from '@/db/errors';
import { publicUrl } from '@/lib/config';
import { acceptsEncoding } from '@/lib/request/header';
import { databaseAnswers } from '../health';
import { openApiDocument } from '../openapi';
import { route, type Route, type RouteResult } from '../route';

/**
 * The OpenAPI document as sent: JSON (≈ 160 KB), and brotli and gzip of it (≈ 10 % of that), made once — it changes
 * only with the route table. The API reference page loads it on every visit.
 */
function encodedDocument(document: object) {
  const json = Buffer.from(JSON.stringify(document));
  const br = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } });
  // plain Uint8Array views (a Response body takes those, not Node's Buffer type): no copy per request
  const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
  return { document, identity: bytes(json), br: bytes(br), gzip: bytes(gzipSync(json, { level: 9 })) };
}

/** The service itself: health (readiness and liveness) and this API's OpenAPI document (of `all()`). */
export const serviceRoutes = (all: () => readonly Route[]) => {
  let sent: ReturnType<typeof encodedDocument> | undefined;
  return [
    route({
      method: 'GET',
      path: '/health',
      permission: null,
      tag: 'Service',
      summary: 'Readiness: the app and its database (503 when the database does not answer within a second)',
      response: z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unavailable']) }),
      handler: async (): Promise<RouteResult<{ status: 'ok' | 'degraded'; database: 'ok' | 'unavailable' }>> => {
        if (await databaseAnswers()) return { body: { status: 'ok', database: 'ok' }, headers: { 'Cache-Control': 'no-store' } };
        return {
          body: { status: 'degraded', database: 'unavailable' },
          status: 503,
          headers: { 'Cache-Control': 'no-store', 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
        };
      },
    }),
    route({
      method: 'GET',
      path: '/health/live',
      permission: null,
      tag: 'Service',
      summary: 'Liveness: the process answers (no database; for liveness probes)',
      response: z.object({ status: z.literal('ok') }),
      handler: async () => ({ body: { status: 'ok' as const } }),
    }),
    route({
      method: 'GET',
      path: '/openapi.json',
      permission: null,
      tag: 'Service',
      summary: 'This document (OpenAPI 3.1, generated from the route table)',
      response: z.object({ openapi: z.string() }).loose(),
      handler: async ({ header }) => {
        sent ??= encodedDocument(openApiDocument(all(), publicUrl()));
        const accepted = header('accept-encoding');
        const coding = acceptsEncoding(accepted, 'br') ? 'br' : acceptsEncoding(accepted, 'gzip') ? 'gzip' : null;
        const headers: Record<string, string> = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
        if (coding) headers['Content-Encoding'] = coding;
        return { body: sent.document as { openapi: string }, raw: new Response(sent[coding ?? 'identity'], { headers }) };
      },
    }),
  ];
};
