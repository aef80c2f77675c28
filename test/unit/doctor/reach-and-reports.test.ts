import { describe, expect, it } from "vitest";
import { loadCommonQuestions, parseCommonQuestions } from "../../../src/doctor/common-questions.js";
import { inventory } from "../../../src/doctor/inventory.js";
import { sectionReach } from "../../../src/doctor/reach.js";
import { renderDoctorHtml } from "../../../src/doctor/render/html.js";
import { renderTerminal } from "../../../src/doctor/render/terminal.js";
import { exitCode, summarize, type DoctorReport } from "../../../src/doctor/report.js";
import { chunkArticle, collapseNearDuplicates } from "../../../src/ingest/chunk.js";
import { fixtureCorpus, FIXTURE_NOW } from "./fixture.js";

async function fixtureInventory() {
  const { approved, promo } = await fixtureCorpus();
  const chunks = approved.flatMap((a) => chunkArticle(a, promo));
  const kept = collapseNearDuplicates(chunks).kept;
  return { inv: inventory(approved, chunks, new Set(kept.map((c) => c.id))), chunksById: new Map(kept.map((c) => [c.id, c])), kept };
}

describe("inventory and section reach", () => {
  it("counts each section's searchable and promotional chunks", async () => {
    const { inv } = await fixtureInventory();
    const basics = inv.find((a) => a.id === "shockwave-therapy-basics")!;
    expect(basics.sections.map((s) => s.label)).toEqual([
      "(introduction)",
      "How long is a shockwave session?",
      "How many sessions are needed?",
      "Who is shockwave therapy for?",
      "Before your appointment",
    ]);
    expect(basics.sections.find((s) => s.label === "Who is shockwave therapy for?")).toMatchObject({ searchable: 1, promotional: 1 });
  });

  it("marks sections that are in no question's top K", async () => {
    const { inv, chunksById, kept } = await fixtureInventory();
    const id = (articleId: string, heading: string) => kept.find((c) => c.articleId === articleId && c.section === heading)!.id;
    const stretching = id("caring-for-your-tendons-at-home", "Stretching at home");
    const history = id("caring-for-your-tendons-at-home", "A short history of lithotripsy");
    // The history section ranks 4th for one question: outside the top 3.
    const result = sectionReach(inv, [[stretching, stretching, stretching, history]], chunksById, 3, ["s.yaml"]);
    const caring = result.sections.filter((s) => s.articleId === "caring-for-your-tendons-at-home");
    expect(caring).toEqual([
      { articleId: "caring-for-your-tendons-at-home", label: "Stretching at home", questions: 1 },
      { articleId: "caring-for-your-tendons-at-home", label: "A short history of lithotripsy", questions: 0 },
    ]);
    expect(result.unreached.map((s) => s.label)).toContain("A short history of lithotripsy");
    expect(result.unreached.map((s) => s.label)).not.toContain("Stretching at home");
  });
});

describe("common questions", () => {
  it("ships a list covering what patients of any clinic ask", async () => {
    const questions = await loadCommonQuestions();
    const about = questions.map((q) => q.about).join(" | ");
    for (const topic of ["length of a visit", "number of visits", "side effects", "who it is for", "preparation", "after-care", "cost", "insurance", "what to bring", "results", "risks", "recovery", "hurts"]) {
      expect(about).toContain(topic);
    }
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it("names the field of a bad entry", () => {
    expect(() => parseCommonQuestions({ questions: [{ id: "x", about: "y" }] }, "q.yaml")).toThrow(/q\.yaml: field 'questions\.0\.question'/);
  });
});

function sampleReport(strict: boolean): DoctorReport {
  const body: Omit<DoctorReport, "summary"> = {
    generatedAt: FIXTURE_NOW.toISOString(),
    corpusDir: "/c",
    options: { maxAgeMonths: 12, strict, topK: 3, suites: [], questionsFile: "q.yaml" },
    assistant: null,
    articles: [],
    frontMatter: [{ kind: "stale-review", severity: "warning", file: "articles/a.md", field: "reviewed", message: "old" }],
    setup: [],
    promotional: [],
    duplicates: [],
    contradictions: [
      {
        dimension: "duration",
        about: ["session"],
        figures: [
          { articleId: "a", title: "A <b>", sectionPath: [], sentence: `Sessions last <script>alert(1)</script> 1 hour.`, quantity: { text: "1 hour", index: 0, dimension: "duration", min: 60, max: 60, noun: null }, value: "1 hour" },
          { articleId: "b", title: "B", sectionPath: ["S"], sentence: "Sessions last 2 hours.", quantity: { text: "2 hours", index: 0, dimension: "duration", min: 120, max: 120, noun: null }, value: "2 hours" },
        ],
      },
    ],
    reach: { ran: false, reason: "no suites" },
    commonQuestions: { ran: true, result: [{ id: "cost", about: "cost", question: "How much?", answered: false, type: "no_answer", text: "I don't have that information.", citations: [] }] },
  };
  return { ...body, summary: summarize(body) };
}

describe("report summary and renderers", () => {
  it("treats contradictions, stale reviews and unanswered questions as warnings; --strict makes them block", () => {
    expect(sampleReport(false).summary).toMatchObject({ blocking: 0, warnings: 3, passed: true });
    expect(exitCode(sampleReport(false).summary)).toBe(0);
    expect(exitCode(sampleReport(true).summary)).toBe(1);
  });

  it("writes a self-contained, escaped HTML page", () => {
    const html = renderDoctorHtml(sampleReport(false));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=|url\(|@import/i);
    expect(html).toContain("Sessions last &lt;script&gt;alert(1)&lt;/script&gt; 1 hour.");
    expect(html).toContain("How much?");
  });

  it("prints both statements of a contradiction in the terminal", () => {
    const text = renderTerminal(sampleReport(false));
    expect(text).toContain("Sessions last 2 hours.");
    expect(text).toMatch(/Doctor: no blocking problems/);
  });
});
