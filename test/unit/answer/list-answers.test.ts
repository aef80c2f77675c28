/**
 * Lists in the articles ("What to bring", warning signs) are answered whole
 * when the question is about the list, and item by item, with their lead-in,
 * when it is about one item. Pinned on a small made-up clinic article.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../../src/types.js";
import { selectorOn } from "./select-on.js";

const BODY = `# Your First Visit to Brightside Dental

## Before Your Visit

Please bring:

- A photo ID and your insurance card
- A list of all medicines you take, including vitamins
- Any dental x-rays taken in the last two years

## How Long Does It Take?

Most first visits last 45 to 60 minutes, including a cleaning and an exam. Plan a little extra time for paperwork.

## Whitening

Whitening works on natural teeth and does not change the colour of crowns. An in-office whitening appointment takes about 90 minutes.

Whitening may need to wait, or be changed, if you:

- Are pregnant or breastfeeding
- Have untreated cavities or gum disease
- Have very sensitive teeth

## Whitening Options

- **Take-home trays:** custom trays you wear with a mild gel at home. Most people see a change after about two weeks.
- **In-office whitening:** a stronger gel applied by the hygienist in one appointment.

## Warning Signs After an Extraction

Call the office if you notice any of these after a tooth is removed:

- Bleeding that does not slow after four hours
- Fever or chills
- Swelling that keeps growing after the third day
- A bad taste or smell that does not go away
`;

const article: Article = { id: "first-visit", title: "Your First Visit to Brightside Dental", publisher: "Brightside Dental", reviewed: "2026-01-01", status: "approved", url: null, body: BODY, source: "articles/first-visit.md" };
/** The sentences chosen for a question, every chunk offered as a passage (best first: the order given). */
const answer = selectorOn([article], 0.1);

describe("list answers", () => {
  it("answers a question about the list with the whole list and its lead-in, in order", () => {
    expect(answer("What should I bring?")).toEqual([
      "Please bring:",
      "A photo ID and your insurance card",
      "A list of all medicines you take, including vitamins",
      "Any dental x-rays taken in the last two years",
    ]);
  });

  it("gives every warning sign, not only the one that scored best", () => {
    const signs = answer("what are the warning signs after an extraction?");
    expect(signs).toContain("Fever or chills");
    expect(signs).toContain("Swelling that keeps growing after the third day");
    expect(signs).toContain("A bad taste or smell that does not go away");
    expect(signs[0]).toBe("Call the office if you notice any of these after a tooth is removed:");
  });

  it("answers a question about one item with that item and its lead-in, not the whole list", () => {
    const pregnant = answer("can I have whitening if I am pregnant?");
    expect(pregnant).toContain("Are pregnant or breastfeeding");
    expect(pregnant).toContain("Whitening may need to wait, or be changed, if you:");
    expect(pregnant).not.toContain("Have very sensitive teeth");
  });

  it("answers a figure question with the sentence that states it, not a list", () => {
    expect(answer("how long does the first visit take?")[0]).toBe("Most first visits last 45 to 60 minutes, including a cleaning and an exam.");
  });

  it("answers a two-part question with the list for one part and the figure for the other", () => {
    const both = answer("what should I bring to my first visit and how long will I be there?");
    expect(both).toContain("A list of all medicines you take, including vitamins");
    expect(both).toContain("Most first visits last 45 to 60 minutes, including a cleaning and an exam.");
  });

  it("quotes a later sentence of an item with the item's first sentence when that names what was asked", () => {
    expect(answer("how long before take-home trays work?")).toEqual([
      "**Take-home trays:** custom trays you wear with a mild gel at home.",
      "Most people see a change after about two weeks.",
    ]);
  });

  it("never quotes a lead-in without its items", () => {
    for (const q of ["what should I bring?", "when should I call the office?", "can I have whitening if I am pregnant?", "is whitening done in the office?"]) {
      const chosen = answer(q);
      chosen.forEach((s, i) => {
        if (s.endsWith(":")) expect(chosen[i + 1], `${q}: "${s}" ends the answer`).toBeDefined();
      });
    }
  });
});
