import { z } from 'zod';
import { permissionLabel } from '@/lib/connectors';
import type { Route } from './route';

/**
 * The OpenAPI 3.1 document of `/v1`, generated from the route table (zod → JSON Schema 2020-12, which is
 * what OpenAPI 3.1 uses). Served as GET /v1/openapi.json.
 */
const errorBody = {
  type: 'object',
  required: ['message', 'errorCode', 'errorCategoryKey'],
  properties: { message: { type: 'string' }, errorCode: { type: 'string' }, errorCategoryKey: { type: 'string' } },
};

const ERRORS: Record<string, string> = {
  '400': 'Bad input (the message names the field)',
  '401': 'Missing, invalid or expired credentials or token',
  '403': 'The connector lacks the permission this route needs',
  '404': "Unknown, or outside the token's reach",
  '405': 'Wrong method for this path (see `Allow`)',
  '413': 'Body over 1 MiB',
  '415': 'Unsupported body type',
  '409': 'The resource is in a state that refuses this (e.g. a connection that needs reconnecting)',
  '429': 'A budget is spent (see `Retry-After`)',
  '502': 'A third-party provider failed (Connections)',
  '503': 'Briefly unavailable (see `Retry-After`)',
};

/**
 * Recursive schemas (nested sub-groups) come out of zod with local `$defs`; in an OpenAPI document a `#/$defs/…`
 * reference would point at the document's root, so they move to `components.schemas` (named by their zod `id`
 * meta, or numbered) and the references follow.
 */
const sharedSchemas: Record<string, unknown> = {};
let unnamed = 0;
const schemaOf = (s: z.ZodType, io: 'input' | 'output') => {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  const defs = json.$defs as Record<string, unknown> | undefined;
  if (!defs) return json;
  delete json.$defs;
  const names = new Map<string, string>();
  for (const key of Object.keys(defs)) names.set(key, key.startsWith('__schema') ? `Schema${++unnamed}` : `${key}${io === 'input' ? 'Input' : ''}`);
  const rewrite = (v: unknown) =>
    JSON.parse(JSON.stringify(v).replace(/"#\/\$defs\/([^"]+)"/g, (_, key: string) => JSON.stringify(`#/components/schemas/${names.get(key) ?? key}`)));
  for (const [key, def] of Object.entries(defs)) sharedSchemas[names.get(key)!] = rewrite(def);
  return rewrite(json) as Record<string, unknown>;
};

function properties(s: z.ZodType | undefined): [string, { schema: Record<string, unknown>; required: boolean; description?: string }][] {
  if (!s) return [];
  const json = schemaOf(s, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => [
    name,
    { schema, required: json.required?.includes(name) ?? false, description: schema.description as string | undefined },
  ]);
}

export function openApiDocument(routes: readonly Route[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters = [
      ...properties(r.params).map(([name, p]) => ({ name, in: 'path', required: true, schema: p.schema, description: p.description })),
      ...properties(r.query).map(([name, p]) => ({ name, in: 'query', required: p.required, schema: p.schema, description: p.description })),
      ...properties(r.headers).map(([name, p]) => ({ name, in: 'header', required: p.required, schema: p.schema, description: p.description })),
    ];
    const content = Object.fromEntries(
      (r.bodyTypes ?? ['json']).map((t) => [
        t === 'json' ? 'application/json' : t === 'form' ? 'application/x-www-form-urlencoded' : 'multipart/form-data',
        { schema: r.body ? schemaOf(r.body, 'input') : {} },
      ]),
    );
    paths[`/v1${r.path}`] ??= {};
    paths[`/v1${r.path}`]![r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      summary: r.summary,
      tags: [r.tag],
      ...(r.permission
        ? {
            security: [{ accessToken: [] }],
            'x-permission': permissionLabel(r.permission),
            description: `Needs the **${permissionLabel(r.permission)}** permission.`,
          }
        : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content } } : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } },
        ...Object.fromEntries(
          Object.entries(ERRORS).map(([code, description]) => [
            code,
            { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Connector Portal API',
      version: '1.0.0',
      description: 'The Kaizala-compatible platform API: token service, groups, users. Errors always have the body `{ message, errorCode, errorCategoryKey }`.',
    },
    servers: [{ url: serverUrl.replace(/\/$/, '') }],
    components: {
      securitySchemes: {
        accessToken: {
          type: 'apiKey',
          in: 'header',
          name: 'accessToken',
          description: 'The access token from GET /v1/accessToken (`Authorization: Bearer` works too).',
        },
      },
      schemas: { Error: errorBody, ...sharedSchemas },
    },
    paths,
  };
}
