/**
 * Who is the client, for per-client rate limits. Pure helpers plus a Node
 * extractor; other runtimes pass their own extractor (e.g. Cloudflare's
 * `CF-Connecting-IP`).
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { clientAddress, isTrustedPeer, type TrustProxy } from "../../trust-proxy.js";

export type ClientKeyExtractor = (c: Context) => string | undefined;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The rate-limit bucket for an address: IPv4 as is; IPv6 by its /64 prefix,
 * since one subscriber usually gets a whole /64 and could rotate through it.
 */
export function clientBucket(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, "").split("%")[0]!;
  if (IPV4.test(a)) return a;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1]!;
  const prefix = ipv6Prefix64(a);
  return prefix ?? a;
}

function ipv6Prefix64(address: string): string | null {
  let text = address;
  const embedded = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (embedded) {
    const octets = embedded[2]!.split(".").map(Number);
    text = `${embedded[1]}${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** The socket's remote address on @hono/node-server; undefined elsewhere (e.g. `app.request` in tests). */
export function nodePeerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Client key on @hono/node-server: the socket's peer address, or — when that
 * peer is a trusted proxy (TRUST_PROXY) — the right-most X-Forwarded-For
 * entry that is not one.
 */
export function nodeClientKey(trust: TrustProxy): ClientKeyExtractor {
  return (c) => {
    const address = clientAddress(nodePeerAddress(c), c.req.header("x-forwarded-for"), trust);
    return address ? clientBucket(address) : undefined;
  };
}

/** Whether this request came straight from a trusted proxy, so its X-Forwarded-* headers count. */
export function fromTrustedProxy(c: Context, trust: TrustProxy): boolean {
  return isTrustedPeer(nodePeerAddress(c), trust);
}

/** Client key on Cloudflare Workers: the address Cloudflare's edge saw (it overwrites any client-sent value). */
export const cloudflareClientKey: ClientKeyExtractor = (c) => {
  const address = c.req.header("cf-connecting-ip");
  return address ? clientBucket(address) : undefined;
};
