import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptsEncoding } from './header';

/**
 * Brotli for the build's static files (issue 13, page weight): Next.js sends them gzipped; a browser that
 * accepts `br` gets them about 15–20 % smaller. They never change for a build (hashed names, immutable),
 * so each is compressed once at the highest quality, off the main thread, and kept in memory (the whole
 * set is a few hundred kB compressed). Anything else — or a client without `br` — goes on to Next.js.
 */
const compress = promisify(brotliCompress);
/**
 * V8's explicit compile hint (Chrome ≥ 136; other engines read a comment): compile every function of the file
 * while it streams in, off the main thread. Given to the framework's start-up chunks only (the build manifest's
 * `rootMainFiles`: React DOM, the Next.js runtime), whose module factories all run as a page starts — lazily
 * compiling react-dom's alone took 40–60 ms of main thread on this machine, in the one long task before hydration
 * (bench/RESULTS-web.md). The line it adds shifts nothing that matters: production builds ship no source maps, and
 * a build with subresource integrity (which the changed bytes would fail) gets no hint.
 */
const COMPILE_HINT = Buffer.from('//# allFunctionsCalledOnLoad\n');
const PREFIX = '/_next/static/';
const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=UTF-8',
};

/** The absolute paths of the build's start-up chunks, or none when the manifest is missing or integrity is on. */
function startupChunks(buildDir: string): Set<string> {
  if (existsSync(path.join(buildDir, 'server', 'subresource-integrity-manifest.json'))) return new Set();
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(path.join(buildDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: unknown }).rootMainFiles;
  } catch {
    return new Set(); // no manifest (not a Next.js build): plain brotli
  }
  const chunks = (Array.isArray(files) ? files : []).filter((f): f is string => typeof f === 'string' && f.endsWith('.js'));
  return new Set(chunks.map((f) => path.resolve(buildDir, f)));
}

export function staticBrotli(buildDir: string) {
  const root = path.resolve(buildDir, 'static');
  const startup = startupChunks(buildDir);
  const cache = new Map<string, Promise<Buffer | null>>();
  const load = (file: string) => {
    let hit = cache.get(file);
    if (!hit) {
      hit = readFile(file)
        .then((raw) => (startup.has(file) ? Buffer.concat([COMPILE_HINT, raw]) : raw))
        .then((raw) => compress(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }))
        .catch(() => null); // not there (an old or made-up name): Next.js answers it
      cache.set(file, hit);
    }
    return hit;
  };

  /** Answers the request and returns true, or returns false for Next.js to answer it. */
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith(PREFIX) || !acceptsEncoding(req.headers['accept-encoding'], 'br')) return false;
    let rel: string;
    try {
      rel = decodeURIComponent(req.url.slice(PREFIX.length).split('?')[0]!);
    } catch {
      return false;
    }
    const file = path.resolve(root, rel);
    const type = TYPES[path.extname(file)];
    if (!type || !file.startsWith(root + path.sep)) return false;
    const body = await load(file);
    if (!body) return false;
    sendImmutableBrotli(req, res, body, type);
    return true;
  };
}

/** Answers a GET or HEAD with `body`, brotli bytes of a file whose URL changes with its content (cached for a year). */
export function sendImmutableBrotli(req: IncomingMessage, res: ServerResponse, body: Buffer, type: string) {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Encoding': 'br',
    'Content-Length': body.length,
    'Cache-Control': 'public, max-age=31536000, immutable',
    Vary: 'Accept-Encoding',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
