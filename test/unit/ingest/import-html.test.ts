/**
 * Saved web pages from two made-up clinic sites, full of chrome (top bars,
 * nav, cookie banners, buttons, newsletter boxes, related posts, sidebars,
 * footers): the importer keeps the article and drops the rest.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportedArticle } from "../../../src/ingest/import/import.js";
import { parseArticle } from "../../../src/ingest/load-articles.js";

const DIR = path.resolve("test/fixtures/import/html");
const PAGES = ["harbor-first-physio-visit.html", "harbor-sleep-study.html", "maplegrove-flu-vaccine.html", "maplegrove-blood-test.htm"];

async function run(names: string[], publisher?: string) {
  const inputs = await Promise.all(names.map(async (n) => ({ source: n, bytes: await readFile(path.join(DIR, n)) })));
  return importFiles(inputs, { today: "2026-02-01", publisher });
}

let byFile: Map<string, ImportedArticle>;
beforeAll(async () => {
  const result = await run(PAGES);
  expect(result.errors).toEqual([]);
  byFile = new Map(result.articles.map((a) => [a.source, a]));
});
const page = (name: string) => {
  const a = byFile.get(name);
  if (!a) throw new Error(`no article for ${name}`);
  return { ...a, parsed: parseArticle(a.text, name) };
};

describe("import: HTML pages", () => {
  it("takes title, canonical URL and publisher from the page", () => {
    const physio = page("harbor-first-physio-visit.html");
    expect(physio.parsed).toMatchObject({
      id: "preparing-for-your-first-physiotherapy-visit",
      title: "Preparing for Your First Physiotherapy Visit", // og:title, not "<title> | site"
      publisher: "Harbor Wellness Clinic", // og:site_name
      status: "draft",
      reviewed: "2026-02-01",
      url: "https://harborwellness.example/blog/first-physio-visit", // canonical wins over og:url with tracking
    });
    // No og:title: the <title> without its " | site" suffix; a relative canonical resolved against og:url.
    expect(page("harbor-sleep-study.html").parsed).toMatchObject({
      title: "What to Expect at an Overnight Sleep Study",
      url: "https://harborwellness.example/blog/overnight-sleep-study",
    });
    expect(page("maplegrove-flu-vaccine.html").parsed.url).toBe("https://www.maplegrove-family.example/articles/flu-vaccine-questions"); // og:url only
    expect(page("maplegrove-blood-test.htm").parsed.title).toBe("Getting Ready for a Fasting Blood Test");
  });

  it("keeps headings at ##/### and lists as `- item` / `1. item`", () => {
    const body = page("harbor-first-physio-visit.html").parsed.body;
    expect(body.startsWith("# Preparing for Your First Physiotherapy Visit\n")).toBe(true);
    expect(body).toContain("\n## What to Bring\n");
    expect(body).toContain("\n### Will It Hurt?\n");
    expect(body).toContain("\n- Any referral letter, imaging reports or surgical notes you have.\n");
    expect(body).toContain("\n1. A conversation about your history, symptoms and goals.\n");
    expect(body).toContain("\n3. A first treatment and a home exercise plan you can start the same day.");
    expect(page("maplegrove-blood-test.htm").parsed.body).toContain("\n2. Your usual medicines, unless your doctor has told you to wait until after the test.\n");
    expect(page("maplegrove-flu-vaccine.html").parsed.body).toContain("\n## Can the vaccine give me the flu?\n\nNo. The injected vaccine contains no live virus");
  });

  it("drops navigation, banners, buttons, cookie and newsletter boxes, related posts, sidebars and footers", () => {
    const chrome = [
      "Call us", "(555)", "Open Monday", "Mon–Fri", "cookies", "Accept all", "Book Now", "Book an Appointment", "Request an Appointment",
      "Call Now", "Subscribe", "newsletter", "Related posts", "You may also like", "Five Gentle Knee Exercises", "Recent posts",
      "Staying Active in Winter", "Share this", "Facebook", "Posted on", "min read", "Tags:", "©", "Copyright", "All rights reserved",
      "Home", "Our Team", "Opening hours", "Ready to get started?", "12 Quay Street", "›", "Blog",
    ];
    for (const name of PAGES) {
      const body = page(name).parsed.body;
      for (const c of chrome) expect(body, `${name} still has "${c}"`).not.toContain(c);
    }
  });

  it("says what it removed and why", () => {
    const reasons = (name: string) => new Set(page(name).removed.map((r) => r.reason));
    expect([...reasons("harbor-first-physio-visit.html")]).toEqual(expect.arrayContaining(["page <nav>", "page <aside>", "page <footer>", 'marked "post-meta"', 'marked "cookie-banner"', 'box around a button ("Book Now")']));
    expect([...reasons("maplegrove-flu-vaccine.html")]).toEqual(expect.arrayContaining(['marked "breadcrumb"', 'marked "newsletter"', 'box around a button ("Call Now (555) 201-3344")', "post metadata"]));
    const physio = page("harbor-first-physio-visit.html").removed;
    expect(physio.find((r) => r.text.includes("We use cookies"))).toBeDefined();
  });

  it("treats a paragraph found on several pages of one site as the site's, not the article's", async () => {
    const blurb = "Our clinic has served the harbour community since 1998";
    expect(page("harbor-first-physio-visit.html").parsed.body).not.toContain(blurb);
    expect(page("harbor-sleep-study.html").removed).toContainEqual(expect.objectContaining({ reason: "repeated on other pages of the site" }));
    // Alone, the page gives no evidence that the paragraph is boilerplate, so it stays.
    const alone = await run(["harbor-first-physio-visit.html"]);
    expect(alone.articles[0]!.text).toContain(blurb);
  });

  it("--publisher overrides the page's site name", async () => {
    const r = await run(["maplegrove-flu-vaccine.html"], "Maple Grove Family Practice (North)");
    expect(parseArticle(r.articles[0]!.text, "x").publisher).toBe("Maple Grove Family Practice (North)");
  });

  it("falls back to the page body when there is no main content to extract", async () => {
    const html = Buffer.from('<html><head><title>Short note</title><meta property="og:site_name" content="A Clinic"></head><body><h1>Short note</h1><p>Bring your insurance card.</p></body></html>');
    const r = await importFiles([{ source: "note.html", bytes: html }], { today: "2026-02-01" });
    expect(r.errors).toEqual([]);
    expect(r.articles[0]!.text).toContain("# Short note\n\nBring your insurance card.\n");
  });
});
