/**
 * Which reverse proxies may tell us the client's address (TRUST_PROXY), and
 * the client address that follows from it — the same model as Express's
 * `trust proxy`: walk from the socket peer back through X-Forwarded-For,
 * right to left, while the hop is trusted; the first untrusted hop is the
 * client. When the socket peer itself is not trusted, X-Forwarded-For is
 * ignored: anyone can send that header.
 *
 * Pure (no Node APIs): config validation runs on Workers too.
 */

export type TrustProxy =
  | { kind: "off" }
  /** The first `hops` addresses, counting the socket peer as the first, are proxies. */
  | { kind: "hops"; hops: number }
  /** Proxies are the addresses inside these ranges. */
  | { kind: "ranges"; ranges: IpRange[]; source: string };

export interface IpRange {
  version: 4 | 6;
  bytes: number[];
  prefix: number;
}

/** Named ranges, as Express names them. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

export const TRUST_PROXY_HELP =
  "Set TRUST_PROXY to the proxies in front of this server: a comma-separated list of addresses or CIDR ranges (e.g. `loopback` for nginx on the same machine, `10.0.0.0/8`, or your load balancer's address), or a hop count (e.g. `1`) when nothing can reach this server except through the proxy.";

export class TrustProxyError extends Error {
  override name = "TrustProxyError";
}

/** Parses the TRUST_PROXY setting. Throws TrustProxyError naming the bad part. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0" || text === "no") return { kind: "off" };
  if (text === "true" || text === "yes") {
    throw new TrustProxyError(
      `"${value}" is no longer accepted: it trusted X-Forwarded-For from any client that reaches this server directly, so anyone could pick their own rate-limit bucket. ${TRUST_PROXY_HELP}`,
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new TrustProxyError(`a hop count of ${hops} is implausible (at most 10). ${TRUST_PROXY_HELP}`);
    return { kind: "hops", hops };
  }
  const ranges: IpRange[] = [];
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const named = NAMED_RANGES[part];
    if (named) {
      ranges.push(...named.map((r) => parseRange(r)!));
      continue;
    }
    const range = parseRange(part);
    if (!range) throw new TrustProxyError(`"${part}" is not an IP address, a CIDR range or one of ${Object.keys(NAMED_RANGES).join(", ")}. ${TRUST_PROXY_HELP}`);
    ranges.push(range);
  }
  if (ranges.length === 0) return { kind: "off" };
  return { kind: "ranges", ranges, source: text };
}

/**
 * The client's address: `peer` is the socket's remote address, `forwardedFor`
 * the X-Forwarded-For header. Returns undefined only when `peer` is unknown.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string | undefined {
  if (!peer || trust.kind === "off") return peer;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean)
    .reverse();
  const chain = [peer, ...forwarded];
  let last = peer;
  for (let i = 0; i < chain.length; i++) {
    const address = stripPort(chain[i]!);
    // A malformed entry is not an address: the last hop that was one (a proxy we trust) stands in — stricter, never a fresh bucket.
    if (!parseIp(address)) return last;
    if (!isTrustedHop(address, i, trust)) return address;
    last = address;
  }
  // Every hop was a trusted proxy: the furthest one is the best we know.
  return last;
}

/** Whether the socket peer is a proxy whose forwarding headers (X-Forwarded-For, X-Forwarded-Host) count. */
export function isTrustedPeer(peer: string | undefined, trust: TrustProxy): boolean {
  return peer !== undefined && trust.kind !== "off" && parseIp(stripPort(peer)) !== null && isTrustedHop(stripPort(peer), 0, trust);
}

function isTrustedHop(address: string, index: number, trust: TrustProxy): boolean {
  if (trust.kind === "hops") return index < trust.hops;
  if (trust.kind === "off") return false;
  const ip = parseIp(address);
  return ip !== null && trust.ranges.some((r) => inRange(ip, r));
}

function inRange(ip: { version: 4 | 6; bytes: number[] }, range: IpRange): boolean {
  if (ip.version !== range.version) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i]! & mask) !== (range.bytes[i]! & mask)) return false;
  }
  return true;
}

/** "1.2.3.4:5678" → "1.2.3.4"; "[::1]:80" → "::1"; anything else unchanged. */
function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 ? v4[1]! : address;
}

function parseRange(text: string): IpRange | null {
  const [addr, prefixText, extra] = text.split("/");
  if (extra !== undefined || !addr) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...ip, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { ...ip, prefix: Number(prefixText) };
}

/** IPv4 or IPv6 (zone ids dropped; IPv4-mapped IPv6 read as IPv4) to bytes, or null. */
export function parseIp(text: string): { version: 4 | 6; bytes: number[] } | null {
  const address = text.trim().split("%")[0]!.toLowerCase();
  const v4 = parseIpv4(address);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = parseIpv6(address);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { version: 4, bytes: v6.slice(12) } : { version: 6, bytes: v6 };
}

function parseIpv4(text: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function parseIpv6(text: string): number[] | null {
  let body = text;
  let tail: number[] = [];
  const embedded = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (embedded) {
    const v4 = parseIpv4(embedded[2]!);
    if (!v4) return null;
    tail = v4;
    body = `${embedded[1]}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}
