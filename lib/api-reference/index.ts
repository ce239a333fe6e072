import 'server-only';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import { acceptsEncoding } from '@/lib/request/header';

/**
 * The renderer of the API reference page: Scalar's standalone browser bundle from the pinned
 * `@scalar/api-reference` package, served by our own server (never a CDN) at a URL that carries the
 * package version — so a browser may keep it for a year, and an upgrade changes the URL.
 */
const PACKAGE_DIR = path.join(process.cwd(), 'node_modules', '@scalar', 'api-reference');
const BUNDLE = path.join(PACKAGE_DIR, 'dist', 'browser', 'standalone.js');

let version: string | undefined;
let bundle: Promise<Uint8Array<ArrayBuffer>> | undefined;

/** The installed renderer version (read once). */
function rendererVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** File name of the bundle under /api-reference/assets/. */
function bundleFile(): string {
  return `scalar-${rendererVersion()}.js`;
}

/** Where the page loads the renderer from. */
export function rendererScriptUrl(): string {
  return `/api-reference/assets/${bundleFile()}`;
}

/**
 * The bundle (3.5 MB, read once; Next gzips it on the way out, about 1 MB) for its versioned file name;
 * null for any other name (an old or made-up version).
 */
export async function rendererAsset(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (file !== bundleFile()) return null;
  // a plain ArrayBuffer copy: what a Response body takes
  bundle ??= readFile(BUNDLE).then((b) => new Uint8Array(b));
  try {
    return await bundle;
  } catch (err) {
    bundle = undefined; // not cached: the next request tries again
    throw err;
  }
}

/**
 * The bundle in brotli (793 KB, against the 996 KB of Next's gzip), for server.ts to send before Next sees the
 * request (Next drops a route handler's Content-Encoding and gzips what it returns): for a GET or HEAD of the
 * bundle's URL from a client that accepts `br`, once the brotli is made; null otherwise (Next answers). Compressing
 * at the highest quality takes about 5 s of one core, so it is done once per installed version, off the main
 * thread, and kept under node_modules/.cache; the first such request starts it.
 */
export function rendererBrotli(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): Buffer | null {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || (req.url ?? '').split('?')[0] !== rendererScriptUrl()) return null;
  if (!acceptsEncoding(req.headers['accept-encoding'], 'br')) return null;
  return brotliBundle();
}

const compress = promisify(brotliCompress);
const CACHE_DIR = path.join(process.cwd(), 'node_modules', '.cache', 'connector-portal');
let brotli: { ready: Buffer | null; making: boolean } = { ready: null, making: false };

/** The brotli bundle when it is ready; the first call starts making it (or reading the one made before). */
function brotliBundle(): Buffer | null {
  if (brotli.ready || brotli.making) return brotli.ready;
  brotli.making = true;
  const cached = path.join(CACHE_DIR, `${bundleFile()}.br`);
  void readFile(cached)
    .catch(async () => {
      const raw = await readFile(BUNDLE);
      const made = await compress(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
      // best effort, and whole or not at all (a read-only install keeps it in memory only)
      const partial = `${cached}.${process.pid}.tmp`;
      await mkdir(CACHE_DIR, { recursive: true })
        .then(() => writeFile(partial, made))
        .then(() => rename(partial, cached))
        .catch(() => undefined);
      return made;
    })
    .then((b) => (brotli = { ready: b, making: false }))
    .catch(() => (brotli = { ready: null, making: false })); // the bundle itself is unreadable: plain answers fail too
  return null;
}
