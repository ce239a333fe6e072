import { BlockList, isIP } from 'node:net';

/**
 * Callback URL rules (issue 13 §2, SSRF). Strict (production): `https:` only, no user:password, and the
 * host must not be — or resolve to — a loopback, private, shared (CGNAT), link-local (cloud metadata at
 * 169.254.169.254 and fd00:ec2::254 included), multicast, reserved or unspecified address. Checked at
 * registration and again on every connection (lib/webhooks/http.ts resolves the name itself and connects
 * to the address it checked, so a DNS answer that changes in between cannot slip through). Local
 * (dev, the demo, the tests): `http:` is allowed for localhost only and addresses are not checked.
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** An address a webhook must never be sent to in production (IPv4-mapped IPv6 is checked as IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    // ::ffff:7f00:1 (mapped, hex form)
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
    if (hex) {
      const a = parseInt(hex[1]!, 16);
      const b = parseInt(hex[2]!, 16);
      return blocked.check(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`, 'ipv4');
    }
    return blocked.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type UrlProblem = { ok: true; url: URL } | { ok: false; reason: string };

/** The URL's shape; address checks of a host name happen when it is resolved (lib/webhooks/http.ts). */
export function checkCallbackUrl(raw: string, opts: { allowLocal: boolean }): UrlProblem {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'callBackUrl is not a valid URL.' };
  }
  if (raw.length > 2048) return { ok: false, reason: 'callBackUrl has at most 2048 characters.' };
  if (url.username || url.password) return { ok: false, reason: 'callBackUrl must not contain a user name or password.' };
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:') {
    if (!(opts.allowLocal && LOCAL_HOSTS.has(host))) return { ok: false, reason: 'callBackUrl must be an HTTPS URL.' };
    return { ok: true, url };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'callBackUrl must be an HTTPS URL.' };
  if (!opts.allowLocal) {
    if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, reason: 'callBackUrl must not point to this server or a private network.' };
    if (isIP(host.replace(/^\[|\]$/g, '')) && isForbiddenAddress(host))
      return { ok: false, reason: 'callBackUrl must not point to a loopback, private, link-local or metadata address.' };
  }
  return { ok: true, url };
}
