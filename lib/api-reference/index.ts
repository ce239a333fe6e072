import 'server-only';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

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
