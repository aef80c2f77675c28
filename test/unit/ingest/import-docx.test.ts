/** Word documents go through mammoth to HTML and then the web-page path. */
import { describe, expect, it } from "vitest";
import { importFiles } from "../../../src/ingest/import/import.js";
import { parseArticle } from "../../../src/ingest/load-articles.js";
import { buildDocx } from "./support/docx.js";

const DOCX = buildDocx([
  { style: "Title", text: "Caring for Your Skin After a Chemical Peel" },
  { style: "Normal", text: "Your skin will feel tight and look pink for a few days. This is expected and shows the peel is working." },
  { style: "Heading1", text: "The First Week" },
  { style: "Normal", text: "Keep your routine simple while the skin renews itself:" },
  { list: "bullet", text: "Wash with lukewarm water and a mild cleanser." },
  { list: "bullet", text: "Do not pick or peel flaking skin." },
  { style: "Heading2", text: "Sun Protection" },
  { style: "Normal", text: "New skin burns easily. Use a broad-spectrum sunscreen every day, even when it is cloudy." },
  { style: "Heading1", text: "When to Call Us" },
  { list: "number", text: "Blisters or crusting appear." },
  { list: "number", text: "Redness spreads or gets worse after three days." },
]);

describe("import: .docx", () => {
  it("keeps the Title style as title, Heading 1/2 as ##/###, bullets and numbers as lists", async () => {
    const r = await importFiles([{ source: "peel-aftercare.docx", bytes: DOCX }], { today: "2026-02-01", publisher: "Riverbend Dermatology" });
    expect(r.errors).toEqual([]);
    const article = parseArticle(r.articles[0]!.text, "peel-aftercare.docx");
    expect(article).toMatchObject({ id: "caring-for-your-skin-after-a-chemical-peel", title: "Caring for Your Skin After a Chemical Peel", publisher: "Riverbend Dermatology", status: "draft", url: null });
    expect(article.body).toBe(
      [
        "# Caring for Your Skin After a Chemical Peel",
        "Your skin will feel tight and look pink for a few days. This is expected and shows the peel is working.",
        "## The First Week",
        "Keep your routine simple while the skin renews itself:",
        "- Wash with lukewarm water and a mild cleanser.",
        "- Do not pick or peel flaking skin.",
        "### Sun Protection",
        "New skin burns easily. Use a broad-spectrum sunscreen every day, even when it is cloudy.",
        "## When to Call Us",
        "1. Blisters or crusting appear.",
        "2. Redness spreads or gets worse after three days.",
      ].join("\n\n"),
    );
  });

  it("needs a publisher, since a Word document does not name its site", async () => {
    const r = await importFiles([{ source: "docs/peel-aftercare.docx", bytes: DOCX }], { today: "2026-02-01" });
    expect(r.articles).toEqual([]);
    expect(r.errors).toEqual(['docs/peel-aftercare.docx: the page does not name its site; pass --publisher "<clinic name>"']);
  });

  it("rejects a file that is not a Word document, naming it", async () => {
    const r = await importFiles([{ source: "broken.docx", bytes: Buffer.from("this is not a zip file") }], { today: "2026-02-01", publisher: "X" });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^broken\.docx: not a readable Word document/);
  });
});
