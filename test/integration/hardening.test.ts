/**
 * Public-page hardening: CORS allow-list, security headers, per-client rate
 * limits. The app mirrors createApp's middleware order.
 */
import { Hono, type Context } from "hono";
import { describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { clientBucket, createHardening, nodeClientKey } from "../../src/http/middleware/index.js";
import { clientAddress, parseTrustProxy } from "../../src/trust-proxy.js";

const ALLOWED = "https://www.clinic.example";

function config(env: Record<string, string> = {}): Config {
  const base = loadConfig({ RATE_LIMIT_PER_MINUTE: "3", ...env });
  return { ...base, clinic: { ...base.clinic, allowedOrigins: [ALLOWED, "http://localhost:3000"] } };
}

function appWith(cfg: Config, clientKey?: (c: Context) => string | undefined) {
  const mw = createHardening(cfg, clientKey ? { clientKey } : {});
  const app = new Hono();
  app.use("*", mw.securityHeaders);
  app.use("/api/*", mw.cors);
  app.use("/api/chat", mw.chatRateLimit);
  app.use("/api/leads", mw.leadsRateLimit);
  app.post("/api/chat", (c) => c.json({ ok: true }));
  app.post("/api/leads", (c) => c.json({ leadId: "x" }, 202));
  app.get("/widget.js", (c) => c.body("console.log('widget')", 200, { "content-type": "text/javascript" }));
  app.get("/", (c) => c.html("<h1>demo</h1>"));
  return app;
}

/** `app.request` with a Node-adapter-like socket so the default client key sees an address. */
function fromAddress(app: Hono, path: string, address: string, init: RequestInit = {}) {
  return app.request(path, { method: "POST", ...init }, { incoming: { socket: { remoteAddress: address } } });
}

describe("CORS", () => {
  const app = appWith(config());

  it("answers preflights from allowed origins with the headers the widget needs", async () => {
    const res = await app.request("/api/leads", {
      method: "OPTIONS",
      headers: { Origin: ALLOWED, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,idempotency-key" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("lets allowed and same-host pages call the API, and exposes Retry-After", async () => {
    const allowed = await fromAddress(app, "/api/chat", "10.0.0.1", { headers: { Origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("Retry-After");
    const sameHost = await fromAddress(app, "http://assistant.clinic.example/api/chat", "10.0.0.2", { headers: { Origin: "https://assistant.clinic.example" } });
    expect(sameHost.status).toBe(200);
    const noOrigin = await fromAddress(app, "/api/chat", "10.0.0.3");
    expect(noOrigin.status).toBe(200);
  });

  it("refuses other origins outright, preflight or not", async () => {
    for (const origin of ["https://evil.example", "null", "https://www.clinic.example.evil.example"]) {
      const post = await fromAddress(app, "/api/leads", "10.0.0.4", { headers: { Origin: origin } });
      expect(post.status).toBe(403);
      expect(((await post.json()) as { error: { code: string } }).error.code).toBe("origin_not_allowed");
      expect(post.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await app.request("/api/leads", { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("security headers", () => {
  const app = appWith(config());

  it("sends a strict CSP whose frame-ancestors are the allowed origins", async () => {
    const res = await app.request("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain(`frame-ancestors 'self' ${ALLOWED} http://localhost:3000`);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    // X-Frame-Options cannot list origins; frame-ancestors decides instead.
    expect(res.headers.get("x-frame-options")).toBeNull();
  });

  it("keeps X-Frame-Options when no other origin may embed the pages", async () => {
    const base = loadConfig({});
    const res = await appWith({ ...base, clinic: { ...base.clinic, allowedOrigins: [] } }).request("/");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
  });

  it("marks the widget script loadable from other origins", async () => {
    const res = await app.request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });
});

describe("rate limits", () => {
  it("limits each client per endpoint and answers 429 with Retry-After and the error body", async () => {
    const app = appWith(config());
    for (let i = 0; i < 3; i++) expect((await fromAddress(app, "/api/chat", "203.0.113.7")).status).toBe(200);
    const limited = await fromAddress(app, "/api/chat", "203.0.113.7");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { error: { code: string; details: { retryAfterSeconds: number } } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
    // The widget on an allowed page can read the 429 and its Retry-After.
    const fromPage = await fromAddress(app, "/api/chat", "203.0.113.7", { headers: { Origin: ALLOWED } });
    expect(fromPage.status).toBe(429);
    expect(fromPage.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(fromPage.headers.get("access-control-expose-headers")).toContain("Retry-After");
    // Another client, and the same client on the other endpoint, have their own budgets.
    expect((await fromAddress(app, "/api/chat", "203.0.113.8")).status).toBe(200);
    expect((await fromAddress(app, "/api/leads", "203.0.113.7")).status).toBe(202);
  });

  it("counts one IPv6 /64 as one client", async () => {
    const app = appWith(config());
    for (let i = 1; i <= 3; i++) expect((await fromAddress(app, "/api/chat", `2001:db8:1:2::${i}`)).status).toBe(200);
    expect((await fromAddress(app, "/api/chat", "2001:db8:1:2:ffff::9")).status).toBe(429);
    expect((await fromAddress(app, "/api/chat", "2001:db8:1:3::1")).status).toBe(200);
  });

  it("turns off with RATE_LIMIT_PER_MINUTE=0", async () => {
    const app = appWith(config({ RATE_LIMIT_PER_MINUTE: "0" }));
    for (let i = 0; i < 20; i++) expect((await fromAddress(app, "/api/chat", "203.0.113.9")).status).toBe(200);
  });

  it("uses the proxy-appended X-Forwarded-For entry only when TRUST_PROXY trusts the peer", async () => {
    const trusted = appWith(config({ TRUST_PROXY: "loopback" }));
    const spoofing = (claimed: string) => fromAddress(trusted, "/api/chat", "127.0.0.1", { headers: { "X-Forwarded-For": `${claimed}, 198.51.100.20` } });
    for (let i = 0; i < 3; i++) expect((await spoofing(`1.1.1.${i}`)).status).toBe(200);
    // Varying the client-supplied part does not buy a new budget.
    expect((await spoofing("9.9.9.9")).status).toBe(429);

    const untrusted = appWith(config());
    for (let i = 0; i < 3; i++) {
      expect((await fromAddress(untrusted, "/api/chat", "192.0.2.50", { headers: { "X-Forwarded-For": `198.51.100.${i}` } })).status).toBe(200);
    }
    expect((await fromAddress(untrusted, "/api/chat", "192.0.2.50", { headers: { "X-Forwarded-For": "198.51.100.99" } })).status).toBe(429);
  });

  it("accepts a client-key extractor for runtimes without Node sockets", async () => {
    const app = appWith(config(), (c) => c.req.header("cf-connecting-ip"));
    for (let i = 0; i < 3; i++) expect((await app.request("/api/chat", { method: "POST", headers: { "CF-Connecting-IP": "192.0.2.1" } })).status).toBe(200);
    expect((await app.request("/api/chat", { method: "POST", headers: { "CF-Connecting-IP": "192.0.2.1" } })).status).toBe(429);
    expect((await app.request("/api/chat", { method: "POST", headers: { "CF-Connecting-IP": "192.0.2.2" } })).status).toBe(200);
  });
});

describe("client keys", () => {
  it("takes the right-most X-Forwarded-For entry that is not a trusted proxy", () => {
    const lan = parseTrustProxy("loopback, 10.0.0.0/8, 2001:db8::/32");
    expect(clientAddress("127.0.0.1", "1.2.3.4, 10.0.0.1", lan)).toBe("1.2.3.4");
    expect(clientAddress("127.0.0.1", "9.9.9.9, 1.2.3.4, 10.0.0.1", lan)).toBe("1.2.3.4");
    expect(clientAddress("::ffff:127.0.0.1", " 1.2.3.4 ", lan)).toBe("1.2.3.4");
    expect(clientAddress("2001:db8::7", "[2001:db9::1]:443", lan)).toBe("2001:db9::1");
    // An untrusted peer's header is ignored entirely.
    expect(clientAddress("203.0.113.9", "1.2.3.4", lan)).toBe("203.0.113.9");
    // Only trusted hops: the furthest; garbage from the client: the last real hop, never a fresh bucket.
    expect(clientAddress("127.0.0.1", "10.0.0.2, 10.0.0.1", lan)).toBe("10.0.0.2");
    expect(clientAddress("127.0.0.1", "not-an-ip, 10.0.0.1", lan)).toBe("10.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, lan)).toBe("127.0.0.1");
    // Hop counts trust positions, not addresses.
    expect(clientAddress("203.0.113.9", "1.2.3.4, 5.6.7.8", parseTrustProxy("1"))).toBe("5.6.7.8");
    expect(clientAddress("203.0.113.9", "1.2.3.4, 5.6.7.8", parseTrustProxy("2"))).toBe("1.2.3.4");
    expect(clientAddress("203.0.113.9", "1.2.3.4", parseTrustProxy("false"))).toBe("203.0.113.9");
  });

  it("buckets IPv4 by address and IPv6 by /64", () => {
    expect(clientBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(clientBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientBucket("2001:DB8:0001:0002:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientBucket("[2001:db8:1:2::1]")).toBe("2001:db8:1:2::/64");
    expect(clientBucket("::1")).toBe("0:0:0:0::/64");
    expect(clientBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("has no key outside the Node adapter instead of throwing", async () => {
    const key = nodeClientKey({ kind: "off" });
    const app = new Hono().get("/", (c) => c.text(String(key(c))));
    expect(await (await app.request("/")).text()).toBe("undefined");
  });
});
