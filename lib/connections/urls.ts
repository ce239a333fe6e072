/**
 * URL rules of Connections (product.md §9), pure so they are unit-tested: what an admin may enter as a
 * provider endpoint or an allowed API base, and whether a URL an integration wants to call lies under
 * one of the allowed bases. The check is done on the parsed, normalised URL *and* on the raw text, so
 * tricks that a parser would quietly "fix" (`..`, encoded slashes and dots, backslashes, userinfo) are
 * refused instead of being re-interpreted.
 */

export type UrlProblem = 'unparseable' | 'scheme' | 'https' | 'userinfo' | 'fragment' | 'characters';

const PROBLEM_TEXT: Record<UrlProblem, string> = {
  unparseable: 'Enter a full URL, e.g. https://api.example.com/v1.',
  scheme: 'Use an http(s) URL.',
  https: 'Use an https:// URL (plain http is allowed only for local development).',
  userinfo: 'A URL must not contain a user name or password (user@host).',
  fragment: 'A URL must not contain a #fragment.',
  characters: 'The URL contains spaces, backslashes or control characters.',
};

export const urlProblemText = (p: UrlProblem) => PROBLEM_TEXT[p];

const BAD_CHARACTERS = /[\s\\\u0000-\u001f\u007f]/;

/** An endpoint or base URL an admin enters: absolute http(s), https unless `allowHttp`, no userinfo or fragment. */
export function checkServiceUrl(raw: string, allowHttp: boolean): { ok: true; url: URL } | { ok: false; problem: UrlProblem } {
  const text = raw.trim();
  if (BAD_CHARACTERS.test(text)) return { ok: false, problem: 'characters' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'unparseable' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.protocol === 'http:' && !allowHttp) return { ok: false, problem: 'https' };
  if (url.username || url.password || text.slice(0, text.indexOf(url.host) + 1).includes('@')) return { ok: false, problem: 'userinfo' };
  if (text.includes('#')) return { ok: false, problem: 'fragment' };
  if (!url.hostname) return { ok: false, problem: 'unparseable' };
  return { ok: true, url };
}

/** The canonical text of an allowed base: origin + path, query and fragment dropped, a trailing slash kept as typed. */
export function normaliseBase(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export type TargetProblem = 'unparseable' | 'scheme' | 'userinfo' | 'characters' | 'dotSegments' | 'encodedSeparator' | 'outsideBase';

const TARGET_TEXT: Record<TargetProblem, string> = {
  unparseable: 'url: send an absolute URL (https://…).',
  scheme: 'url: only http(s) URLs can be called.',
  userinfo: 'url: a URL with a user name or password (user@host) is not allowed.',
  characters: 'url: spaces, backslashes and control characters are not allowed.',
  dotSegments: 'url: "." and ".." path segments are not allowed.',
  encodedSeparator: 'url: encoded slashes, backslashes, dots or percent signs (%2F, %5C, %2E, %25) are not allowed in the path.',
  outsideBase: "url: this URL is not under the connection's allowed API base URLs.",
};

export const targetProblemText = (p: TargetProblem) => TARGET_TEXT[p];

const defaultPort = (protocol: string) => (protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '');

/** Path `path` is `base` or lies below it (segment boundary: `/v1` covers `/v1/x`, not `/v1x`). */
function pathUnder(path: string, base: string): boolean {
  if (base === '' || base === '/') return true;
  if (path === base) return true;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix);
}

/**
 * Checks a URL an integration asks us to call against the allowed bases. Returns the URL to call (fragment
 * dropped) or the first problem. Scheme, host and port must equal a base's exactly (after the WHATWG
 * parser lower-cases and punycodes the host and drops default ports); the path must lie under the base's
 * path on a segment boundary.
 */
export function checkTarget(raw: string, bases: readonly string[]): { ok: true; url: URL } | { ok: false; problem: TargetProblem } {
  const text = raw.trim();
  if (BAD_CHARACTERS.test(text)) return { ok: false, problem: 'characters' };
  if (!/^https?:\/\//i.test(text)) return /^[a-z][a-z0-9+.-]*:/i.test(text) ? { ok: false, problem: 'scheme' } : { ok: false, problem: 'unparseable' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'unparseable' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  // authority as typed: between `//` and the first `/`, `?` or `#`
  const authority = text.slice(text.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? '';
  if (url.username || url.password || authority.includes('@')) return { ok: false, problem: 'userinfo' };
  const rawPath = text.slice(text.indexOf('//') + 2 + authority.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.split('/').some((seg) => seg === '.' || seg === '..')) return { ok: false, problem: 'dotSegments' };
  if (/%(2e|2f|5c|25)/i.test(rawPath)) return { ok: false, problem: 'encodedSeparator' };
  url.hash = '';
  for (const b of bases) {
    let base: URL;
    try {
      base = new URL(b);
    } catch {
      continue;
    }
    const samePort = (url.port || defaultPort(url.protocol)) === (base.port || defaultPort(base.protocol));
    if (url.protocol === base.protocol && url.hostname === base.hostname && samePort && pathUnder(url.pathname, base.pathname)) return { ok: true, url };
  }
  return { ok: false, problem: 'outsideBase' };
}

/** Link names are what code uses: lower-case letters, digits and `_`, starting with a letter, 2–50 characters. */
export const LINK_NAME = /^[a-z][a-z0-9_]{1,49}$/;
