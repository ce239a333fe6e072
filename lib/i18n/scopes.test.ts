import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCOPES, scopeNamespaces, type ClientScope } from './scopes';

/**
 * Every client component gets its messages from the nearest <IntlScope> above it (lib/i18n/scopes.ts). This walks
 * the imports of every page, layout, loading and error file under app/ and fails when a client component in its
 * tree translates a namespace that the scope governing the file does not send to the browser (the page would show
 * message keys instead of text).
 */
const root = process.cwd();
const appDir = path.join(root, 'app');

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx', '']) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

interface FileInfo {
  imports: string[];
  namespaces: string[];
  client: boolean;
}
const infos = new Map<string, FileInfo>();
function fileInfo(file: string): FileInfo {
  let info = infos.get(file);
  if (!info) {
    const src = fs.readFileSync(file, 'utf8');
    info = {
      imports: [...src.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].flatMap((m) => resolveImport(file, m[1]!) ?? []),
      namespaces: [...src.matchAll(/useTranslations\('([a-zA-Z]+)/g)].map((m) => m[1]!),
      client: /^\s*['"]use client['"]/m.test(src.slice(0, 200)),
    };
    infos.set(file, info);
  }
  return info;
}

/** Namespaces translated by client components in the import tree of `entry` (a client file's imports are client too). */
function clientNamespaces(entry: string): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const info = fileInfo(file);
    const client = inClient || info.client;
    if (seen.has(`${client}:${file}`)) return;
    seen.add(`${client}:${file}`);
    if (client) info.namespaces.forEach((n) => out.add(n));
    info.imports.forEach((f) => walk(f, client));
  };
  walk(entry, false);
  return out;
}

const SCOPE_OF_LAYOUT = /<IntlScope(?:\s+scope="([a-zA-Z]+)")?/;
/** The scope governing a file: the nearest layout above it (its own, for a page) that wraps its children in <IntlScope>. */
function governingScope(file: string): ClientScope | undefined | 'none' {
  let dir = path.dirname(file);
  for (;;) {
    const layout = path.join(dir, 'layout.tsx');
    if (layout !== file && fs.existsSync(layout)) {
      const m = SCOPE_OF_LAYOUT.exec(fs.readFileSync(layout, 'utf8'));
      if (m) return m[1] as ClientScope | undefined;
    }
    if (dir === appDir) return 'none';
    dir = path.dirname(dir);
  }
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^(page|layout|loading|error|not-found)\.tsx$/.test(e.name) ? [full] : [];
  });
}

describe('client message scopes', () => {
  const files = routeFiles(appDir).filter((f) => f !== path.join(appDir, 'layout.tsx'));

  it('finds the pages and what their client components translate (the walk is not empty)', () => {
    expect(files.length).toBeGreaterThan(25);
    const connector = clientNamespaces(path.join(appDir, '(portal)/(verified)/connectors/[id]/page.tsx'));
    expect([...connector]).toEqual(expect.arrayContaining(['connectors', 'grants', 'webhooks']));
  });

  it.each(files.map((f) => [path.relative(appDir, f), f]))('%s: every namespace its client components use is sent', (_name, file) => {
    const scope = governingScope(file);
    expect(scope, 'no <IntlScope> above it: the root layout must have one').not.toBe('none');
    const sent = new Set(scopeNamespaces(scope === 'none' ? undefined : scope));
    const missing = [...clientNamespaces(file)].filter((n) => !sent.has(n));
    expect(missing, `scope ${scope ?? 'root'}`).toEqual([]);
  });

  it('every scope names existing namespaces', () => {
    const existing = fs.readdirSync(path.join(root, 'messages', 'en')).map((f) => f.replace(/\.json$/, ''));
    for (const namespaces of Object.values(CLIENT_SCOPES)) for (const n of namespaces) expect(existing).toContain(n);
  });
});
