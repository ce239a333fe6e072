import { getRequestListener } from '@hono/node-server';

/**
 * `/v1`'s JSON answers as @hono/node-server's lightweight `Response`: it keeps status, body string and a plain
 * header record, and the adapter writes them straight to the socket. A WHATWG `Response` (what Hono's `c.json`
 * builds while the server keeps Node's global one for Next.js, `overrideGlobalObjects: false` in server.ts)
 * costs a ReadableStream, a Headers object and a streamed read per answer — about half of the router's own CPU
 * per request (bench `--exchange-only`, "CPU µs per request").
 *
 * The adapter does not export the class; it installs it as the global `Response` when asked to. So it is taken
 * from there once, here, and the globals are put back at once (Next.js keeps the real ones). Should a future
 * adapter stop doing that, `LightResponse` is simply the global `Response`: same answers, only slower.
 */
function takeLightResponse(): typeof Response {
  const g = globalThis as { Request: typeof Request; Response: typeof Response };
  const saved = { Request: g.Request, Response: g.Response };
  getRequestListener(() => new saved.Response(null)); // the default installs the adapter's Request/Response
  const light = g.Response;
  Object.defineProperty(globalThis, 'Request', { value: saved.Request, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Response', { value: saved.Response, writable: true, configurable: true });
  return light;
}

export const LightResponse = takeLightResponse();

/** A JSON answer whose headers (a plain record) already hold everything, X-Request-Id included. */
export function lightJson(json: string, status: number, headers: Record<string, string>): Response {
  return new LightResponse(json, { status, headers: { ...headers, 'Content-Type': 'application/json' } });
}

/**
 * Whether `res` came from lightJson (its headers are final: touching `res.headers` would only cost). The class
 * tells: Hono's own answers are Node's `Response`, which is not an instance of the adapter's (that only extends it).
 */
export const isLightJson = (res: Response) => LightResponse !== Response && res instanceof LightResponse;
