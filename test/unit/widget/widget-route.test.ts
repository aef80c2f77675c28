import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createWidgetRoutes } from "../../../src/http/routes/widget.js";

const config = loadConfig({ DATA_DIR: "/nonexistent-data" });

describe("widget routes", () => {
  it("serves the bundle for cross-origin embedding, with revalidation", async () => {
    let builds = 0;
    const app = createWidgetRoutes({ config, widgetJs: () => `/*${++builds}*/console.log(1)` });
    const res = await app.request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/javascript/);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(await res.text()).toBe("/*1*/console.log(1)");
    const etag = res.headers.get("etag")!;
    const again = await app.request("/widget.js", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(builds).toBe(1);
  });

  it("answers 500 when the build fails and tries again on the next request", async () => {
    let attempts = 0;
    const app = createWidgetRoutes({
      config,
      widgetJs: async () => {
        if (++attempts === 1) throw new Error("esbuild missing");
        return "ok()";
      },
    });
    const failed = await app.request("/widget.js");
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { code: "widget_unavailable" } });
    expect(await (await app.request("/widget.js")).text()).toBe("ok()");
  });

  it("serves the demo page and its stylesheet", async () => {
    const app = createWidgetRoutes({ config, widgetJs: () => "" });
    const page = await app.request("http://assistant.example/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('href="/demo.css"');
    expect(html).toContain("http://assistant.example/widget.js");
    const css = await app.request("/demo.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect((await css.text()).length).toBeGreaterThan(500);
    expect((await app.request("/favicon.svg")).headers.get("content-type")).toBe("image/svg+xml");
  });
});
