/**
 * TRUST_PROXY through the real app: a client that reaches Node directly
 * cannot pick its own rate-limit bucket with X-Forwarded-For, whatever the
 * setting; behind a trusted proxy each real client keeps its own budget.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const LIMIT = 3;
// One index for the file's runtimes: the build is the slow part.
const indexDir = path.join(mkdtempSync(path.join(tmpdir(), "trust-proxy-index-")), "index");
const runtimes: TestRuntime[] = [];
const start = async (trustProxy?: string) => {
  const rt = await startTestRuntime({ RATE_LIMIT_PER_MINUTE: String(LIMIT), INDEX_DIR: indexDir, ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}) });
  runtimes.push(rt);
  return rt;
};
afterAll(async () => {
  for (const rt of runtimes) await rt.dispose();
  rmSync(path.dirname(indexDir), { recursive: true, force: true });
});

/** A chat request arriving on a socket from `peer`, as @hono/node-server hands it to the app. */
function chatFrom(rt: TestRuntime, peer: string, forwardedFor?: string) {
  return rt.app.request(
    "/api/chat",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
      body: JSON.stringify({ message: "How long is a session?" }),
    },
    { incoming: { socket: { remoteAddress: peer } } },
  );
}

async function statuses(requests: Array<() => Response | Promise<Response>>): Promise<number[]> {
  const out: number[] = [];
  for (const r of requests) out.push((await r()).status);
  return out;
}

describe("TRUST_PROXY", () => {
  let off: TestRuntime;
  let lan: TestRuntime;
  let hops: TestRuntime;
  beforeAll(async () => {
    off = await start();
    lan = await start("loopback, 10.0.0.0/8");
    hops = await start("1");
  });

  it("off (the default): a direct client rotating X-Forwarded-For is still one client", async () => {
    const codes = await statuses(Array.from({ length: LIMIT + 3 }, (_, i) => () => chatFrom(off, "203.0.113.10", `198.51.100.${i}`)));
    expect(codes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(codes.slice(LIMIT)).toEqual([429, 429, 429]);
  });

  it("with a proxy list: ignores X-Forwarded-For from a peer that is not a listed proxy", async () => {
    const codes = await statuses(Array.from({ length: LIMIT + 3 }, (_, i) => () => chatFrom(lan, "203.0.113.20", `198.51.100.${i}, 10.0.0.5`)));
    expect(codes.slice(LIMIT)).toEqual([429, 429, 429]);
  });

  it("with a proxy list: the right-most untrusted entry is the client, whatever the client prepends", async () => {
    // Through two trusted proxies (10.0.0.5, then nginx on loopback); the client varies what it claims.
    const via = (claimed: string, real: string) => () => chatFrom(lan, "127.0.0.1", `${claimed}, ${real}, 10.0.0.5`);
    const codes = await statuses(Array.from({ length: LIMIT + 2 }, (_, i) => via(`1.1.1.${i}`, "198.51.100.77")));
    expect(codes).toEqual([...Array(LIMIT).fill(200), 429, 429]);
    // Another real client behind the same proxies has its own budget.
    expect((await via("1.1.1.1", "198.51.100.78")()).status).toBe(200);
  });

  it("with a hop count: the entry that hop appended is the client", async () => {
    const codes = await statuses(Array.from({ length: LIMIT + 2 }, (_, i) => () => chatFrom(hops, "10.1.1.1", `1.1.1.${i}, 198.51.100.90`)));
    expect(codes).toEqual([...Array(LIMIT).fill(200), 429, 429]);
    expect((await chatFrom(hops, "10.1.1.1", "198.51.100.91")).status).toBe(200);
  });

  it("refuses `true` (it trusted anyone) and malformed entries, naming the variable", () => {
    for (const [value, reason] of [
      ["true", /TRUST_PROXY: "true" is no longer accepted/],
      ["10.0.0.0/33", /TRUST_PROXY: "10.0.0.0\/33" is not an IP address/],
      ["nginx", /TRUST_PROXY: "nginx" is not an IP address/],
    ] as const) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(reason);
    }
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toEqual({ kind: "off" });
    expect(loadConfig({}).trustProxy).toEqual({ kind: "off" });
  });
});
