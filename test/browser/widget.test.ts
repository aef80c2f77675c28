/**
 * The widget in real headless Chromium against the real runtime (real corpus,
 * index, chat and leads API): the demo page, streamed cited answers, text-only
 * rendering of hostile content, and the lead form through to the webhook.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatReply } from "../../src/contract.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve("test-artifacts");
const haveChromium = existsSync(CHROMIUM);
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`Skipping browser tests: ${CHROMIUM} not found (install Debian's chromium package). They always run when CI is set.`);

interface Received {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A stand-in booking system: records every webhook delivery. */
async function startWebhookReceiver() {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    /** Resolves when a delivery matching `predicate` has arrived. */
    async waitFor(predicate: (r: Received) => boolean): Promise<Received> {
      for (;;) {
        const hit = received.find(predicate);
        if (hit) return hit;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const normalize = (s: string) => s.replace(/\s+/g, " ").trim();

describe.skipIf(skip)("chat widget in Chromium", () => {
  let runtime: TestRuntime;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let http: ReturnType<typeof serve>;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext | null = null;
  let pageErrors: string[] = [];
  /** Console errors a test provokes on purpose (Chromium logs failed requests). */
  let expectedConsole: RegExp | null = null;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    webhook = await startWebhookReceiver();
    // Opted in, so the lead test can see the widget pass its session id through (off by default: test/integration/privacy.test.ts).
    runtime = await startTestRuntime({ BOOKING_WEBHOOK_URL: webhook.url, LOG_LEVEL: "warn", LEADS_INCLUDE_SESSION_ID: "true" });
    const served = await runtime.app.request("/widget.js");
    if (served.status !== 200) throw new Error(`runtime.app answered ${served.status} for /widget.js: createRuntime must mount createWidgetRoutes (src/http/routes/widget.ts)`);
    const port = await new Promise<number>((resolve) => {
      http = serve({ fetch: runtime.app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => resolve(info.port));
    });
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    await runtime?.dispose();
    await webhook?.close();
  });

  afterEach(async () => {
    await context?.close();
    context = null;
    // Console errors include CSP violations: the demo page runs under default-src 'self'.
    expect(pageErrors).toEqual([]);
  });

  async function openPage(options: { width?: number; height?: number; reducedMotion?: "reduce" | "no-preference" } = {}): Promise<Page> {
    context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, reducedMotion: options.reducedMotion ?? "no-preference" });
    const page = await context.newPage();
    pageErrors = [];
    expectedConsole = null;
    page.on("pageerror", (err) => pageErrors.push(`pageerror: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error" && !expectedConsole?.test(msg.text())) pageErrors.push(`console: ${msg.text()}`);
    });
    await page.goto(`${baseUrl}/`);
    return page;
  }

  const launcher = (page: Page) => page.getByRole("button", { name: `Ask ${runtime.config.clinic.name}` });
  const input = (page: Page) => page.getByRole("textbox", { name: "Your question" });

  async function ask(page: Page, question: string): Promise<void> {
    await input(page).fill(question);
    await input(page).press("Enter");
  }

  /** Every text the streaming bubble showed, in order (recorded inside the shadow root). */
  async function recordStreamedTexts(page: Page): Promise<void> {
    await page.evaluate(() => {
      const root = document.querySelector("clinic-chat-widget")!.shadowRoot!;
      const seen: string[] = [];
      (window as unknown as { __streamed: string[] }).__streamed = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          if (!el?.closest('[aria-busy="true"]')) continue;
          for (const n of r.addedNodes) if (n.nodeType === Node.TEXT_NODE && n.textContent) seen.push(n.textContent);
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
  }

  it("serves the demo page with the clinic's name and the widget, under a strict CSP", async () => {
    const page = await openPage();
    const csp = (await page.request.get(`${baseUrl}/`)).headers()["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    await expect(page.title()).resolves.toBe(runtime.config.clinic.name);
    await launcher(page).waitFor();
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
  });

  it("streams a cited answer with the disclaimer", async () => {
    const page = await openPage();
    await launcher(page).click();
    await expect.poll(() => input(page).evaluate((el) => el === document.activeElement?.shadowRoot?.activeElement)).toBe(true);
    await recordStreamedTexts(page);

    const chat = page.waitForResponse((r) => r.url().endsWith("/api/chat"));
    await ask(page, "How long does one session take?");
    const response = await chat;
    expect(response.headers()["content-type"]).toMatch(/^text\/event-stream/);

    const reply = page.locator(".msg-assistant[data-type]").last();
    await reply.waitFor();
    expect(await reply.getAttribute("data-type")).toBe("answer");
    // Text arrived in pieces before the final reply replaced the streaming bubble.
    const streamed = await page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed[0]!.length).toBeLessThan(streamed.at(-1)!.length);
    expect(normalize(await reply.locator(".text").innerText())).toMatch(/hour/i);

    await expect(reply.locator(".disclaimer").innerText()).resolves.toBe(normalize(runtime.config.clinic.disclaimer));

    const chip = reply.getByRole("button", { name: /^Source 1:/ });
    expect(await chip.getAttribute("aria-expanded")).toBe("false");
    await chip.click();
    expect(await chip.getAttribute("aria-expanded")).toBe("true");
    const card = reply.locator(`#${await chip.getAttribute("aria-controls")}`);
    await card.waitFor({ state: "visible" });
    expect(normalize(await card.locator("blockquote").innerText()).length).toBeGreaterThan(20);
    const articleLink = card.getByRole("link", { name: "Read the full article" });
    if ((await articleLink.count()) > 0) expect(await articleLink.getAttribute("href")).toMatch(/^https?:/);

    await page.screenshot({ path: path.join(ARTIFACTS, "widget-open-desktop.png") });
  });

  it("is keyboard operable and returns focus on close", async () => {
    const page = await openPage({ reducedMotion: "reduce" });
    await launcher(page).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Ask ${runtime.config.clinic.name}` });
    await dialog.waitFor();
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("true");
    expect(await dialog.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
    await page.keyboard.type("What are the side effects?");
    await page.keyboard.press("Enter");
    await page.locator(".msg-assistant[data-type]").last().waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await launcher(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });

  it("keeps the conversation for the page session", async () => {
    const page = await openPage();
    await launcher(page).click();
    await ask(page, "How many sessions will I need?");
    await page.locator(".msg-assistant[data-type]").last().waitFor();
    const followUp = page.waitForRequest((r) => r.url().endsWith("/api/chat"));
    await page.reload();
    await launcher(page).click();
    await expect(page.locator(".msg-user").first().innerText()).resolves.toContain("How many sessions will I need?");
    await ask(page, "And how long is each one?");
    const body = (await followUp).postDataJSON() as { sessionId?: string; history: Array<{ role: string; content: string }> };
    expect(body.history.map((t) => t.role)).toEqual(["user", "assistant"]);
    expect(body.history[0]!.content).toBe("How many sessions will I need?");
    expect(body.sessionId).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("shows emergency replies distinctly, phone numbers first", async () => {
    const page = await openPage();
    await launcher(page).click();
    await ask(page, "I want to kill myself");
    const reply = page.locator(".msg-assistant[data-type]").last();
    await reply.waitFor();
    expect(await reply.getAttribute("data-type")).toBe("emergency");
    const first = reply.locator(".actions > *").first();
    expect(await first.getAttribute("href")).toMatch(/^tel:/);
    expect(await reply.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
  });

  it("puts the crisis notice above the answer, in an assertive live region, with working tel: buttons", async () => {
    const page = await openPage();
    await launcher(page).click();
    // A wish to be gone is `possible` for the risk model; "is suicide risk a side effect?" no longer gets the notice.
    await ask(page, "I wish I wasn't here anymore. what are the side effects?");
    const reply = page.locator(".msg-assistant[data-type]").last();
    await reply.waitFor();
    expect(["answer", "no_answer"]).toContain(await reply.getAttribute("data-type"));
    const notice = reply.locator(".notice");
    // First thing the reply shows (after the screen-reader "Assistant:" label), above the text.
    expect(await reply.evaluate((el) => [...el.children].filter((c) => !c.classList.contains("sr-only"))[0]?.className)).toBe("notice");
    const [noticeBox, textBox] = await Promise.all([notice.boundingBox(), reply.locator(".bubble .text").boundingBox()]);
    expect(noticeBox!.y + noticeBox!.height).toBeLessThanOrEqual(textBox!.y);
    expect(await notice.getAttribute("role")).toBe("alert");
    expect(normalize(await notice.locator(".notice-text").innerText())).toBe(normalize(runtime.config.clinic.crisisNotice!.text));
    const hrefs = await notice.locator("a.action").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(runtime.config.clinic.crisisNotice!.actions.filter((a) => a.kind === "call").map((a) => a.href));
    // A tel: link opens the dialer in place: no new tab, nothing blocked.
    expect(await notice.locator("a.action").first().getAttribute("target")).toBeNull();
    // Buttons a thumb can hit, not inline text links.
    expect((await notice.locator("a.action").first().boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: path.join(ARTIFACTS, "widget-crisis-notice.png") });

    // An ordinary question afterwards keeps the notice: the risk level never drops in a conversation.
    await ask(page, "what side effects can ketamine cause?");
    await expect.poll(() => page.locator(".msg-assistant[data-type]").count()).toBe(2);
    expect(await page.locator(".msg-assistant[data-type]").last().locator(".notice[role=alert]").count()).toBe(1);
  });

  it("renders hostile server text as text and runs nothing", async () => {
    const page = await openPage();
    const payload = `<img src=x onerror="window.__pwned=1">`;
    const hostile: ChatReply = {
      type: "answer",
      text: `Here is ${payload} an answer [1].`,
      citations: [{ n: 1, articleId: "x", title: `Title ${payload}`, section: null, url: "javascript:window.__pwned=2", quote: `Quote ${payload}` }],
      disclaimer: `Disclaimer ${payload}`,
      actions: [
        { kind: "link", label: `Link ${payload}`, href: "javascript:window.__pwned=3" },
        { kind: "call", label: "Call us", href: "tel:+15550100199" },
      ],
      sessionId: "xss-test",
      safety: {
        level: "possible",
        text: `Notice ${payload}`,
        actions: [
          { kind: "call", label: `Call ${payload}`, href: "javascript:window.__pwned=4" },
          { kind: "call", label: "Call 988", href: "tel:988" },
        ],
      },
    };
    const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    await page.route("**/api/chat", (route) =>
      route.fulfill({
        status: 200,
        headers: { "content-type": "text/event-stream" },
        body: [
          sse("safety", hostile.safety),
          sse("meta", { type: hostile.type, sessionId: hostile.sessionId }),
          sse("delta", { text: "Here is " }),
          sse("delta", { text: `${payload} an answer [1].` }),
          sse("citations", { citations: hostile.citations }),
          sse("actions", { actions: hostile.actions, disclaimer: hostile.disclaimer }),
          sse("done", hostile),
        ].join(""),
      }),
    );
    await launcher(page).click();
    await ask(page, "Tell me something");
    const reply = page.locator(".msg-assistant[data-type]").last();
    await reply.waitFor();
    await reply.getByRole("button", { name: /^Source 1:/ }).click();

    expect(await reply.locator(".text").innerText()).toContain(payload);
    expect(await reply.locator(".disclaimer").innerText()).toContain(payload);
    expect(await reply.locator("blockquote").innerText()).toContain(payload);
    expect(await reply.locator(".notice-text").innerText()).toContain(payload);
    expect(await reply.getByText(`Link ${payload}`).count()).toBe(0); // unsafe link dropped, not rendered as a link
    const state = await page.evaluate(() => {
      const root = document.querySelector("clinic-chat-widget")!.shadowRoot!;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        imgs: root.querySelectorAll("img").length + document.querySelectorAll("img").length,
        hrefs: [...root.querySelectorAll("a")].map((a) => a.getAttribute("href")),
      };
    });
    expect(state.pwned).toBeUndefined();
    expect(state.imgs).toBe(0);
    expect(state.hrefs).toEqual(["tel:988", "tel:+15550100199"]);
  });

  it("falls back to JSON when the response is not a stream", async () => {
    const page = await openPage();
    const reply: ChatReply = {
      type: "answer",
      text: "Plain JSON reply [1].",
      citations: [{ n: 1, articleId: "a", title: "An article", section: null, url: null, quote: "A quoted passage." }],
      disclaimer: "General information only.",
      actions: [],
      sessionId: "json-test",
    };
    await page.route("**/api/chat", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(reply) }));
    await launcher(page).click();
    await ask(page, "Anything");
    const shown = page.locator(".msg-assistant[data-type]").last();
    await shown.waitFor();
    expect(normalize(await shown.locator(".text").innerText())).toBe("Plain JSON reply 1.");
  });

  it("sends the lead form to the booking webhook, once", async () => {
    const page = await openPage();
    const leadRequests: Array<Record<string, string>> = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/leads")) leadRequests.push(r.headers());
    });
    await launcher(page).click();
    await ask(page, "I would like to book a consultation");
    await page.locator(".msg-assistant[data-type]").last().getByRole("button", { name: /book/i }).first().click();

    const form = page.getByRole("region", { name: "Request a consultation" });
    await form.waitFor();
    const unique = `Browser Test ${Date.now()}`;
    await form.getByLabel("Name *").fill(unique);
    await form.getByLabel("Email").fill("patient@example.com");
    await form.getByLabel("Preferred time to be contacted").selectOption("Weekday mornings");
    await form.getByLabel("Reason for your visit (optional)").fill("Questions about sessions");

    // Without consent nothing is sent and what was typed stays.
    await form.getByRole("button", { name: "Send request" }).click();
    await form.getByText("Please confirm that we may contact you.").waitFor();
    expect(leadRequests).toHaveLength(0);
    expect(await form.getByLabel("Name *").inputValue()).toBe(unique);

    await form.getByRole("checkbox").check();
    await page.screenshot({ path: path.join(ARTIFACTS, "widget-lead-form.png") });
    await form.getByRole("button", { name: "Send request" }).dblclick();
    await page.getByRole("heading", { name: "Request sent" }).waitFor();
    expect(leadRequests).toHaveLength(1);
    expect(leadRequests[0]!["idempotency-key"]).toMatch(/^[0-9a-f]{32}$/);

    const delivery = await webhook.waitFor((r) => r.body.name === unique);
    expect(delivery.body).toMatchObject({ name: unique, email: "patient@example.com", preferredTime: "Weekday mornings", reason: "Questions about sessions" });
    expect(delivery.body.sessionId).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("opens the clinic's booking page (with the topic) when the lead form is off", async () => {
    const page = await openPage();
    // The demo page follows clinic.leadForm; serve it with the form switched off.
    await page.route(`${baseUrl}/`, async (route) => {
      const res = await route.fetch();
      route.fulfill({ response: res, body: (await res.text()).replace('data-lead-form="true"', 'data-lead-form="false"') });
    });
    const booking = new URL(runtime.config.clinic.bookingUrl);
    await context!.route(`${booking.origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Booking</title>" }));
    await page.reload();
    await launcher(page).click();
    await ask(page, "How long does one session take?");
    const popup = context!.waitForEvent("page");
    await page.locator(".msg-assistant[data-type]").last().getByRole("button", { name: /book/i }).first().click();
    const opened = await popup;
    await opened.waitForLoadState();
    const url = new URL(opened.url());
    expect(`${url.origin}${url.pathname}`).toBe(`${booking.origin}${booking.pathname}`);
    expect(url.searchParams.get("topic")).toBeTruthy();
    expect(await opened.evaluate(() => window.opener)).toBeNull();
  });

  it("keeps the form and offers the phone number when the server cannot be reached", async () => {
    const page = await openPage();
    expectedConsole = /^Failed to load resource/;
    const keys: string[] = [];
    let failures = 0;
    await page.route("**/api/leads", async (route) => {
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      if (++failures === 1) return route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "internal_error", message: "x" } }) });
      return route.abort("internetdisconnected");
    });
    await launcher(page).click();
    await ask(page, "I would like to book a consultation");
    await page.locator(".msg-assistant[data-type]").last().getByRole("button", { name: /book/i }).first().click();
    const form = page.getByRole("region", { name: "Request a consultation" });
    await form.getByLabel("Name *").fill("Grace Hopper");
    await form.getByLabel("Phone").fill("+1 555 010 0123");
    await form.getByRole("checkbox").check();

    await form.getByRole("button", { name: "Send request" }).click();
    await form.getByText(/Something went wrong on our side/).waitFor();
    expect(await form.getByLabel("Name *").inputValue()).toBe("Grace Hopper");

    await form.getByRole("button", { name: "Send request" }).click();
    const call = form.getByRole("link", { name: runtime.config.clinic.phone });
    await call.waitFor({ timeout: 30_000 });
    expect(await call.getAttribute("href")).toBe(`tel:${runtime.config.clinic.phone.replace(/[^\d+]/g, "")}`);
    expect(await form.getByLabel("Phone").inputValue()).toBe("+1 555 010 0123");
    // One submission, one key: the 500 and every network retry reused it.
    expect(keys.length).toBeGreaterThan(2);
    expect(new Set(keys).size).toBe(1);
  });

  it("fits a 360 px wide phone screen", async () => {
    const page = await openPage({ width: 360, height: 740 });
    await launcher(page).click();
    await ask(page, "How long does one session take?");
    await page.locator(".msg-assistant[data-type]").last().waitFor();
    const box = await page.getByRole("dialog").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    const overflow = await page.evaluate(() => {
      const root = document.querySelector("clinic-chat-widget")!.shadowRoot!;
      const body = root.querySelector(".body")!;
      return body.scrollWidth - body.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "widget-open-phone.png") });
  });
});
