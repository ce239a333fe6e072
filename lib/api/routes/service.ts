import { z } from 'zod';
import { DATABASE_RETRY_AFTER_SECONDS } from '@/db/errors';
import { publicUrl } from '@/lib/config';
import { databaseAnswers } from '../health';
import { openApiDocument } from '../openapi';
import { route, type Route, type RouteResult } from '../route';

/** The service itself: health (readiness and liveness) and this API's OpenAPI document (of `all()`). */
export const serviceRoutes = (all: () => readonly Route[]) => {
  let document: object | undefined;
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
      handler: async () => {
        document ??= openApiDocument(all(), publicUrl());
        return { body: document as { openapi: string } };
      },
    }),
  ];
};
