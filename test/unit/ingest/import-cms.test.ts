/**
 * Page structures of five CMSs (issue #14, second newcomer trial): each
 * test-made page in test/fixtures/import/cms/ reproduces a structure that
 * lost text or kept chrome before the importer read the page's markup:
 * a real heading taken for a button label, a lead paragraph in its own CMS
 * field, tables flattened cell by cell, accordion questions, bylines,
 * related-post teasers, a sidebar in the middle of a page-builder article,
 * author boxes, a table of contents, a review date and an H1 that differs
 * from og:title.
 */
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { isBylineLine, isDateLine, statedReviewDate } from "../../../src/ingest/import/page-dates.js";
import { expandAccordions, tablesToLists } from "../../../src/ingest/import/page-widgets.js";
import { withoutEmptyHeadings } from "../../../src/ingest/import/structure.js";
import { parseArticle } from "../../../src/ingest/load-articles.js";
import { expectAll, expectNone, importFixture, importPage } from "./support/import-page.js";

const DIR = path.resolve("test/fixtures/import/cms");

const importOne = (name: string) => importFixture(DIR, name);

describe("import: pages from page builders and CMSs", () => {
  it("Elementor: a heading that starts like a button stays; the mid-article sidebar, team strip, teasers, byline and author box go; accordion questions become headings", async () => {
    const a = await importOne("elementor-sidebar-mid.html");
    expectAll(a.body, [
      "# Using Your Inhaler the Right Way\n\nMost people who use an inhaler make at least one mistake",
      "\n## Before each puff\n\nShake the inhaler",
      "\n### Get the spacer ready\n\n- Fit the inhaler into the back of the spacer",
      "A spacer slows the spray down",
      "\n## Taking the puff\n\nPress the canister once",
      "\n## Questions about inhalers\n\n### Should I rinse my mouth afterwards?\n\nYes, after a steroid inhaler rinse your mouth",
      "\n### How do I know when it is empty?\n\nUse the dose counter",
    ]);
    expectNone(a.body, [
      "Home »", "By Tomas Reyes", "March 4, 2025", "Not sure about your technique?", "check inhaler technique at every asthma review",
      "Book a Technique Check", "More from our Learning Centre", "Keeping a Peak Flow Diary", "January 9, 2025",
      "Meet Our Team", "work together on your care", "Dr. Lena Farouk", "See the Whole Team", "Tomas is a registered", "All posts by",
    ]);
  });

  it("Drupal: the lead paragraph in its own field stays, the table keeps rows and columns, the H1 names the article, the stated review date is the draft's", async () => {
    const a = await importOne("drupal-lead-field.html");
    expect(a.title).toBe("Gout: Flares and How to Prevent Them");
    expect(a.notes).toContain('title taken from the page\'s <h1>; the page\'s metadata title differs: "Gout"');
    expectAll(a.body, [
      "# Gout: Flares and How to Prevent Them\n\nGout is a form of arthritis caused by crystals of uric acid",
      "\n\nAn attack usually starts at night",
      "\n## Medicines at a glance\n\n- Colchicine: When it is used – At the first sign of a flare; Usual course – 2 to 3 days\n\n- Allopurinol: When it is used – Every day to prevent flares; Usual course – Long term\n",
      "\n## When to call us\n\nCall the clinic the same day",
    ]);
    expectNone(a.body, ["You are here", "Last reviewed", "Tags:", "arthritis\n", "Dr. Moreau is a rheumatologist", "New patients need a referral", "Lupus", "©"]);
    expect(a.reviewed).toEqual({ date: "2025-03-03", fromPage: "Last reviewed: March 3, 2025 · Medically reviewed by Dr. Ines Moreau" });
    const fm = parseArticle(a.text, "gout.md");
    expect(fm.reviewed).toBe("2025-03-03");
    expect(fm.status).toBe("draft");
    expect(a.text).toMatch(/\nreviewed: 2025-03-03 # from the page \(.*\): confirm when approving\n/);
  });

  it("HubSpot/Webflow: breadcrumb list, byline with date, table of contents and related list go; button and <details> questions become headings without their icons", async () => {
    const a = await importOne("hubspot-webflow-faq.html");
    expectAll(a.body, [
      "# Hay Fever Season: Getting Ahead of Your Symptoms\n\n## Start early\n\nTree pollen season",
      "\n## Nasal sprays\n\nA steroid nasal spray",
      // A call to action written as a sentence in the article stays (the indexer tags it); its button goes.
      "so use it every day through the season.\n\nStill struggling with symptoms? Call our team today to book an allergy review.\n\n## Hay fever FAQ",
      "\n## Hay fever FAQ\n\n### Can children use nasal sprays?\n\nSeveral steroid sprays are licensed",
      "\n### Do antihistamines make you drowsy?\n\nThe older ones can.",
    ]);
    expectNone(a.body, ["Home", "Book Now", "4 min read", "Dr. Sun Lee", "Apr 2, 2025", "On this page", "Keep reading", "Allergy testing explained", "?+", "? ›"]);
    expect(a.body.match(/Getting Ahead of Your Symptoms/g)).toHaveLength(1); // no second copy of the title pushing sections down
    expect(a.reviewed).toEqual({ date: "2026-02-01", fromPage: null });
  });
});

describe("page widgets", () => {
  const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;

  it("a table without a header row: each row is its first cell and the rest", () => {
    const d = doc("<table><tr><td>Adults</td><td>7 to 9 hours</td></tr><tr><td>Teenagers</td><td>8 to 10 hours</td></tr></table>");
    expect(tablesToLists(d)).toBe(1);
    expect(Array.from(d.querySelectorAll("li")).map((li) => li.textContent)).toEqual(["Adults: 7 to 9 hours", "Teenagers: 8 to 10 hours"]);
  });

  it("a row labelled by a figure keeps its column's header; a row labelled by a name does not need it", () => {
    const d = doc(
      "<table><thead><tr><th>AHI (events per hour)</th><th>Severity</th></tr></thead><tbody><tr><td>Fewer than 5</td><td>Normal</td></tr><tr><td>30 or more</td><td>Severe OSA</td></tr></tbody></table>" +
        "<table><thead><tr><th>Medicine</th><th>Usual course</th></tr></thead><tbody><tr><td>Colchicine</td><td>2 to 3 days</td></tr></tbody></table>",
    );
    expect(tablesToLists(d)).toBe(2);
    expect(Array.from(d.querySelectorAll("li")).map((li) => li.textContent)).toEqual([
      "AHI (events per hour) Fewer than 5: Severity – Normal",
      "AHI (events per hour) 30 or more: Severity – Severe OSA",
      "Colchicine: Usual course – 2 to 3 days",
    ]);
  });

  it("a table's caption becomes the lead-in of its rows", () => {
    const d = doc("<p>Intro.</p><table><caption>Recommended sleep by age.</caption><tr><td>Adults</td><td>7 to 9 hours</td></tr><tr><td>Teenagers</td><td>8 to 10 hours</td></tr></table>");
    expect(tablesToLists(d)).toBe(1);
    const lead = d.querySelector("ul")!.previousElementSibling!;
    expect(lead.tagName).toBe("P");
    expect(lead.textContent).toBe("Recommended sleep by age:");
  });

  it("leaves a layout table holding lists to the converter", () => {
    const d = doc("<table><tr><td><ul><li>One</li></ul></td><td>Two</td></tr></table>");
    expect(tablesToLists(d)).toBe(0);
  });

  it("a menu toggle is not an accordion question", () => {
    const d = doc('<div role="button" aria-expanded="false">Menu</div><nav><a href="/">Home</a></nav>');
    expect(expandAccordions(d)).toBe(0);
    expect(d.querySelector("h2, h3")).toBeNull();
  });
});

describe("page dates", () => {
  it("reads the review or update date a page states, preferring a review date", () => {
    expect(statedReviewDate(["Posted June 2, 2023", "Last updated: 4 May 2024", "Medically reviewed on 12 June 2024 by Dr. A"])).toEqual({ date: "2024-06-12", text: "Medically reviewed on 12 June 2024 by Dr. A" });
    expect(statedReviewDate(["By Ann Lee / May 17, 2023 (updated September 3, 2024)"])?.date).toBe("2024-09-03");
    expect(statedReviewDate(["Reviewed October 2024"])?.date).toBe("2024-10-01");
    expect(statedReviewDate(["Published March 1, 2024"])).toBeNull();
    expect(statedReviewDate(["Updated 04/05/2024"])).toBeNull(); // day or month first: not guessed
  });

  it("tells bylines and date lines from sentences", () => {
    expect(isBylineLine("By Samira Haddad, RRT")).toBe(true);
    expect(isBylineLine("Dr. Priya Raman Aug 12, 2024 9:00:00 AM")).toBe(true);
    expect(isDateLine("August 12, 2024")).toBe(true);
    expect(isDateLine("Posted on 2024-08-12")).toBe(true);
    expect(isBylineLine("By the end of week two, most people sleep through the night.")).toBe(false);
    expect(isDateLine("Flu season peaks between December 2024 and February 2025 in most years.")).toBe(false);
  });
});

describe("headings with nothing under them", () => {
  it("go, also when removing one empties the section above it", () => {
    const r = withoutEmptyHeadings([
      { kind: "heading", text: "Intro", level: 2 },
      { kind: "paragraph", text: "Text." },
      { kind: "heading", text: "More from our blog", level: 2 },
      { kind: "heading", text: "Teaser", level: 3 },
      { kind: "heading", text: "Next", level: 2 },
      { kind: "paragraph", text: "More text." },
    ]);
    expect(r.blocks.map((b) => ("text" in b ? b.text : ""))).toEqual(["Intro", "Text.", "Next", "More text."]);
    expect(r.removed).toEqual(["Teaser", "More from our blog"]);
  });
});

describe("import: a review date only the markup states", () => {
  const page = (head: string, byline: string) =>
    `<!doctype html><html><head><title>Knee Braces</title><meta property="og:site_name" content="Lakeview Physio">${head}</head><body><main><article><h1>Knee Braces</h1>${byline}` +
    "<p>A hinged knee brace limits how far the knee can bend while a repaired ligament heals.</p>" +
    "<p>Most people wear it for about six weeks, day and night at first, then only when walking.</p>" +
    "<p>Your therapist unlocks the hinge a little further every week as your strength returns.</p></article></main></body></html>";
  const importHtml = (html: string) => importPage("knee-braces.html", Buffer.from(html));

  it("takes schema.org dateModified when the text never says 'updated'", async () => {
    const a = await importHtml(page("", '<p class="meta">Posted by Dr. Ana Ruiz · <span class="updated" itemprop="dateModified">20 February 2024</span></p>'));
    expect(a.reviewed.date).toBe("2024-02-20");
  });

  it("takes article:modified_time from the head", async () => {
    const a = await importHtml(page('<meta property="article:modified_time" content="2024-11-05T09:30:00+00:00">', ""));
    expect(a.reviewed.date).toBe("2024-11-05");
  });

  it("keeps the import date when the page states none", async () => {
    expect((await importHtml(page("", ""))).reviewed).toEqual({ date: "2026-02-01", fromPage: null });
  });
});
