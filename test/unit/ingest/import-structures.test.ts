/**
 * Page structures that defeated the main-content extraction (issue #14):
 * each test-made page in test/fixtures/import/structures/ failed before the
 * fix (text lost, or "no article text left"). Every page must come out with
 * all its headings, lists and paragraphs, and without its site chrome.
 */
import path from "node:path";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";
import { describe, expect, it } from "vitest";
import { extractMainContent } from "../../../src/ingest/import/main-content.js";
import { markdownToBlocks } from "../../../src/ingest/import/markdown-blocks.js";
import { blockTexts } from "../../../src/ingest/import/model.js";
import { expectAll, expectNone, importFixture } from "./support/import-page.js";

const DIR = path.resolve("test/fixtures/import/structures");

const importOne = (name: string) => importFixture(DIR, name);

describe("import: main content in any page structure", () => {
  it("content directly in <main> (no <article>) inside a wrapper named like a sidebar", async () => {
    // Before: Readability deleted the "has-sidebar" wrapper with <main> in it and took the phone bar: 0 headings, 1 paragraph.
    const a = await importOne("main-no-article.html");
    expect(a.counts).toEqual({ headings: 4, paragraphs: 5, listItems: 6 });
    expectAll(a.body, [
      "\nA dilated eye exam lets your optometrist look through the pupil",
      "\n## How the drops work\n\nThe drops relax the muscle",
      "\n- Your vision will be blurry up close for four to six hours.\n",
      "\n## What to bring\n\n1. Sunglasses for the trip home.\n",
      "\n### Can I drive afterwards?\n\nMany people can, but glare",
      "\n## How often do I need one?\n\nAdults with diabetes should have a dilated exam every year.",
    ]);
    expectNone(a.body, ["Call us", "(555)", "Mon–Fri", "cookies", "Book Now", "Recent articles", "Living with Dry Eye", "evening appointments", "Blog /", "4 min read", "©"]);
    // The phone bar's "Eye emergency? We keep same-day…" sentences were left out: the summary says so.
    expect(a.notes).toEqual(["1 full-sentence paragraph was left out as outside the main content (listed below): check that none is article text"]);
    expect(a.removed).toContainEqual(expect.objectContaining({ reason: "outside the main content", text: expect.stringContaining("Eye emergency?") }));
  });

  it("content in a <div id=content> beside a sidebar of <div>s, with a cookie notice and a menu that are not marked up as such", async () => {
    // Before: Readability took the cookie notice, the line rules removed it: "no article text left".
    const a = await importOne("content-div-sidebar.html");
    expectAll(a.body, [
      "\nNew hearing aids take time to get used to.",
      "\n## The first two weeks\n\nWear your aids for a few hours a day",
      "\n- A mild ache where the aid sits usually settles within a week.\n",
      "\n## Looking after your aids\n\n",
      "\n### When should I come back?\n\nWe see every new wearer for a follow-up fitting after about four weeks",
    ]);
    expectNone(a.body, ["cookies", "Accept", "Hearing tests", "About us", "Call us", "(555)", "Categories", "Tinnitus", "Newsletter", "newsletter", "Updated 2 June", "©"]);
  });

  it("nested page-builder sections, one of them named like a header", async () => {
    // Before: the "pb-section--header-image" section (the longest) was silently dropped.
    const a = await importOne("page-builder-sections.html");
    expect(a.counts.headings).toBe(4);
    expectAll(a.body, [
      "\n## Why feet need daily checks\n",
      "\n## How to check your feet\n",
      "\n- Hard skin or corns that are getting thicker\n",
      "\n## Washing and moisturising\n\nWash your feet every day in warm, not hot, water.",
      "Never walk barefoot, even at home",
      "\n## When to see a podiatrist\n\nContact us the same day if a wound is not healing",
    ]);
    expectNone(a.body, ["Book", "Call (555)", "Ready for your annual foot check?", "Cedar Lane"]);
  });

  it("an accordion FAQ: questions in heading buttons, answers in collapsed panels", async () => {
    // Before: the buttons were removed as controls and Readability dropped the hidden panels: one paragraph left.
    const a = await importOne("faq-accordion.html");
    expect(a.counts.headings).toBe(4);
    expectAll(a.body, [
      "\n## How long does a skin prick test take?\n\nThe pricks themselves take a few minutes.",
      "\n## Does it hurt?\n\nEach prick feels like a light scratch",
      "\n- Antihistamine nose sprays and eye drops: stop two days before.\n",
      "\n## Can children be tested?\n\nChildren of any age can have skin prick tests.",
    ]);
    expectNone(a.body, ["Call us", "(555)", "Book Now", "©"]);
  });
});

describe("extractMainContent", () => {
  const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-" });
  const toBlocks = (html: string) => markdownToBlocks(turndown.turndown(html));
  const sentence = (topic: string) => `This paragraph explains ${topic} in enough words to count as article prose for the extractor.`;

  it("keeps the whole landmark, and says so, when Readability's pick is too small a part of it", () => {
    // Readability drops hidden elements in every pass, so it can only find the first paragraph.
    const { document } = parseHTML(
      `<html><head><title>T</title></head><body><main><p>${sentence("the first step")}</p><div hidden>${["dosing", "timing", "recovery", "costs"].map((t) => `<p>${sentence(t)}</p>`).join("")}</div></main></body></html>`,
    );
    const result = extractMainContent(document as unknown as Document, toBlocks);
    const texts = result.blocks.flatMap(blockTexts);
    expect(texts).toEqual(["the first step", "dosing", "timing", "recovery", "costs"].map(sentence));
    expect(result.note).toMatch(/^kept all of <main>: the main-content extractor found only 22% of its text/);
  });

  it("ignores a <main> that holds little of the page's text (a hero banner)", () => {
    const { document } = parseHTML(
      `<html><head><title>T</title></head><body><main><p>${sentence("the clinic's welcome")}</p></main><div class="post">${["dosing", "timing", "recovery"].map((t) => `<h2>${t}</h2><p>${sentence(t)}</p>`).join("")}</div></body></html>`,
    );
    const texts = extractMainContent(document as unknown as Document, toBlocks).blocks.flatMap(blockTexts);
    for (const t of ["dosing", "timing", "recovery"]) expect(texts).toContain(sentence(t));
  });
});
