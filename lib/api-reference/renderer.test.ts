import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { rendererAsset, rendererScriptUrl } = await import('./index');

const installed = JSON.parse(readFileSync('node_modules/@scalar/api-reference/package.json', 'utf8')) as { version: string };
const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies['@scalar/api-reference'];

describe('API reference renderer', () => {
  it('is the pinned version, at a URL that carries it (so it can be cached for a year)', () => {
    expect(installed.version).toBe(pinned);
    expect(rendererScriptUrl()).toBe(`/api-reference/assets/scalar-${pinned}.js`);
  });

  it('serves the standalone bundle for that name only', async () => {
    const body = await rendererAsset(`scalar-${pinned}.js`);
    expect(body?.byteLength).toBeGreaterThan(1_000_000);
    expect(new TextDecoder().decode(body!.subarray(0, 400))).toContain(`@scalar/api-reference ${pinned}`);
    for (const other of ['scalar-0.0.1.js', 'standalone.js', '../package.json', `scalar-${pinned}.js.map`]) expect(await rendererAsset(other)).toBeNull();
  });
});
