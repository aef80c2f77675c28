import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadClinic, type Clinic } from "../../../src/config.js";
import { escapeHtml, renderDemoPage } from "../../../src/widget/demo-page.js";

const clinic: Clinic = loadClinic(path.resolve("corpus/ketamine-pain/clinic.yaml"));
const hostile: Clinic = {
  ...clinic,
  name: `Dr. "Smith" & <script>alert(1)</script> Clinic`,
  phone: "+1 555 <b>0100</b>",
  disclaimer: `</p><img src=x onerror=alert(1)> not medical advice, ever, at all.`,
  bookingUrl: `https://clinic.example/book?a=1&b="><script>x</script>`,
  bookingLabel: `Book <i>now</i>`,
};

describe("renderDemoPage", () => {
  it("shows the clinic's name, phone and booking link", () => {
    const html = renderDemoPage(clinic, { origin: "https://assistant.example" });
    expect(html).toContain(`<title>${escapeHtml(clinic.name)}</title>`);
    expect(html).toContain(`href="tel:${clinic.phone.replace(/[^\d+]/g, "")}"`);
    expect(html).toContain(`href="${escapeHtml(clinic.bookingUrl)}"`);
  });

  it("escapes every config value", () => {
    const html = renderDemoPage(hostile, { origin: "https://assistant.example" });
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>0100|"><script>x|<i>now/);
    expect(html).toContain("Dr. &quot;Smith&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt; Clinic");
    // The only script on the page is the widget, loaded from this server.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringMatching(/^<script src="\/widget\.js" async /)]);
  });

  it("needs no inline script or style (it must work under default-src 'self')", () => {
    const html = renderDemoPage(clinic, { origin: "https://assistant.example" });
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:/i);
    expect(html).toMatch(/<script src="\/widget\.js" async[^>]*><\/script>/);
  });

  it("configures the widget from the clinic config", () => {
    const off = renderDemoPage({ ...clinic, leadForm: false }, { origin: "https://a.example" });
    const on = renderDemoPage({ ...clinic, leadForm: true }, { origin: "https://a.example", suggestions: ["One?", "Two|three?"] });
    expect(off).toMatch(/<script src="\/widget\.js"[^>]* data-lead-form="false"/);
    expect(on).toMatch(/<script src="\/widget\.js"[^>]* data-lead-form="true"/);
    expect(on).toMatch(/<script src="\/widget\.js"[^>]* data-suggestions="One\?\|Two three\?"/);
    expect(on).toContain(`data-phone="${escapeHtml(clinic.phone)}"`);
  });

  it("shows a copy-paste embed snippet for the serving origin", () => {
    expect(renderDemoPage(clinic, { origin: "https://assistant.example" })).toContain("&lt;script src=&quot;https://assistant.example/widget.js&quot; async");
  });
});
