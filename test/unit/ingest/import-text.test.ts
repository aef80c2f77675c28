/**
 * Plain-text captures and the chrome rules on their own, with pages that are
 * not from the seed set (other topics, other layouts): the heuristics are
 * generic, not fitted to five files.
 */
import { describe, expect, it } from "vitest";
import { lineChromeReason, removeTrailingCallToAction } from "../../../src/ingest/import/chrome.js";
import { importFiles } from "../../../src/ingest/import/import.js";
import { readText } from "../../../src/ingest/import/read-text.js";
import { isTitleEcho } from "../../../src/ingest/import/structure.js";

const CAPTURE_A = `Skip to content
Home | Services | Patient Resources | Contact
Call (555) 443-2100 (button)

Caring for a Sprained Ankle

Caring for a Sprained Ankle | Lakeside Physio

Most ankle sprains heal well at home within two to six weeks. The first few
days matter most: the aim is to calm the swelling and protect the ligaments
while they start to repair.

The First 48 Hours

Rest the ankle and keep weight off it when it hurts to walk. Raise it above
the level of your heart as often as you can, and use a cold pack wrapped in
a towel for 15 to 20 minutes every two to three hours.

* Avoid heat, alcohol and massage for the first two days.
* Use crutches if you cannot walk without limping.

When to Get Help

1. You cannot put any weight on the foot.
2. The pain or swelling gets worse after two days.
3. Your foot feels numb, cold or looks pale.

Book Online (button)

Conclusion

With rest and gentle movement, most sprains recover fully.

Lakeside Physio is part of the Shore Road Health Group.
`;

const CAPTURE_B = `Skip to content
Home | Services | Patient Resources | Contact
Call (555) 443-2100 (button)

Warming Up Before Exercise

A good warm-up raises your heart rate slowly and prepares muscles and joints for harder work. Five to ten minutes is enough for most people.

Lakeside Physio is part of the Shore Road Health Group.
`;

describe("import: plain-text captures", () => {
  it("finds title, headings, paragraphs (joining hard-wrapped lines) and lists", async () => {
    const r = await importFiles([{ source: "ankle.txt", bytes: Buffer.from(CAPTURE_A), publisher: "Lakeside Physio" }], { today: "2026-02-01" });
    expect(r.errors).toEqual([]);
    const text = r.articles[0]!.text;
    expect(text).toContain('title: "Caring for a Sprained Ankle"');
    expect(text).toContain(
      "# Caring for a Sprained Ankle\n\nMost ankle sprains heal well at home within two to six weeks. The first few days matter most: the aim is to calm the swelling and protect the ligaments while they start to repair.\n\n## The First 48 Hours\n",
    );
    expect(text).toContain("\n- Avoid heat, alcohol and massage for the first two days.\n\n- Use crutches if you cannot walk without limping.\n");
    expect(text).toContain("\n## When to Get Help\n\n1. You cannot put any weight on the foot.\n\n2. The pain or swelling gets worse after two days.\n");
    // A closing section with a short paragraph and no call to action is the article's.
    expect(text).toContain("\n## Conclusion\n\nWith rest and gentle movement, most sprains recover fully.\n");
    for (const chrome of ["Skip to content", "Patient Resources", "(555)", "(button)", "Book Online", "| Lakeside Physio"]) expect(text).not.toContain(chrome);
  });

  it("drops lines repeated across captures of the same site", async () => {
    const r = await importFiles(
      [
        { source: "ankle.txt", bytes: Buffer.from(CAPTURE_A) },
        { source: "warmup.txt", bytes: Buffer.from(CAPTURE_B) },
      ],
      { today: "2026-02-01", publisher: "Lakeside Physio" },
    );
    expect(r.errors).toEqual([]);
    for (const a of r.articles) expect(a.text).not.toContain("Shore Road Health Group");
    expect(r.articles[1]!.removed).toContainEqual({ source: "warmup.txt", text: "Lakeside Physio is part of the Shore Road Health Group.", reason: "repeated on other pages of the site" });
  });

  it("turns one-item question lists followed by an answer into question headings (FAQ accordions)", () => {
    const doc = readText("Title\n\nIntro paragraph here.\n\nFAQ\n\n  1. Is it safe?\n\nYes, when supervised.\n\n  1. How long is a visit?\n\nAbout an hour.\n", "faq.txt");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual(["Title", "FAQ", "Is it safe?", "How long is a visit?"]);
  });
});

describe("import: chrome rules", () => {
  it.each([
    ["Call Us", "button label"],
    ["Book Now", "button label"],
    ["Schedule FREE Consultation", "button label"],
    ["Learn more", "button label"],
    ["Request Info (button)", "button label"],
    ["Monday - Friday 8 A.M. - 7 P.M.", "opening-hours banner"],
    ["Open Sat 9:00 - 13:00", "opening-hours banner"],
    ["Phone: +1 555 201 3344", "phone banner"],
    ["Home > Blog > Flu vaccines", "navigation"],
    ["Events | Mental Health Month in Our Clinic!", "navigation"],
    ["This website uses cookies to give you the best experience.", "cookie notice"],
    ["Join our mailing list for monthly tips", "newsletter signup"],
    ["© 2025 Some Clinic. All rights reserved.", "copyright line"],
    ["Share on Facebook Twitter", "share buttons"],
    ["Skip to content", "interface word"],
  ])("%j is %s", (line, reason) => {
    expect(lineChromeReason(line)).toBe(reason);
  });

  it.each([
    "Conclusion",
    "How Long Does a Session Last?",
    "Getting Started with Physiotherapy",
    "Call your doctor straight away if the swelling spreads or you develop a fever.",
    "The clinic is open on weekdays, and most appointments take about an hour.",
    "Book a free consultation with our team to talk about whether this treatment suits you.",
    "Side effects | what to expect after the first week and how long they usually last in most patients who have had treatment",
  ])("%j is article text", (line) => {
    expect(lineChromeReason(line)).toBeNull();
  });

  it("drops a trailing sign-off with a call to action, not a short closing section", () => {
    const closing = [
      { kind: "paragraph" as const, text: "A long paragraph of real article text that goes on for well over twenty words so that it counts as the body of the article." },
      { kind: "heading" as const, text: "Summary", level: null },
      { kind: "paragraph" as const, text: "Most people recover within a month." },
    ];
    expect(removeTrailingCallToAction(closing, "x").blocks).toEqual(closing);
    const signOff = [...closing, { kind: "paragraph" as const, text: "Invite a friend to our clinic" }, { kind: "paragraph" as const, text: "Fill out the form and we will call you back" }];
    const out = removeTrailingCallToAction(signOff, "x");
    expect(out.blocks).toEqual(closing);
    expect(out.removed.map((r) => r.text)).toEqual(["Invite a friend to our clinic", "Fill out the form and we will call you back"]);
  });

  it("recognises title echoes: the title again, 'Title - site', a banner made of its words", () => {
    const title = "Chronic Back Pain: Is Physiotherapy Effective?";
    expect(isTitleEcho("Chronic Back Pain: Is Physiotherapy Effective?", title)).toBe(true);
    expect(isTitleEcho("Chronic Back Pain: Is Physiotherapy Effective? - springfield", title)).toBe(true);
    expect(isTitleEcho("Is Physiotherapy Effective for Back Pain", title)).toBe(true);
    expect(isTitleEcho("What Causes Back Pain", title)).toBe(false);
  });
});
