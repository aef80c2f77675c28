/**
 * The doctor's report as plain data (also the `--json` file), and the one
 * rule that decides what blocks going live.
 */
import type { CommonAnswer } from "./common-questions.js";
import type { Contradiction } from "./contradictions.js";
import type { DuplicatePair } from "./duplicates.js";
import type { Severity } from "./findings.js";
import type { FrontMatterProblem } from "./front-matter.js";
import type { ArticleInventory } from "./inventory.js";
import type { PromotionalSentence } from "./promotional.js";
import type { ReachResult } from "./reach.js";

export type Skippable<T> = { ran: true; result: T } | { ran: false; reason: string };

export interface DoctorReport {
  generatedAt: string;
  corpusDir: string;
  options: { maxAgeMonths: number; strict: boolean; topK: number; suites: string[]; questionsFile: string };
  /** How the assistant was built for the retrieval checks (null when they could not run). */
  assistant: { answerer: string; embedder: string; articles: number; chunks: number } | null;
  articles: ArticleInventory[];
  frontMatter: FrontMatterProblem[];
  /** Other problems that stop the assistant from being built (a broken promotional.yaml or lexicon). */
  setup: string[];
  promotional: PromotionalSentence[];
  duplicates: DuplicatePair[];
  contradictions: Contradiction[];
  reach: Skippable<ReachResult>;
  commonQuestions: Skippable<CommonAnswer[]>;
  summary: Summary;
}

export interface Summary {
  blocking: number;
  warnings: number;
  info: number;
  passed: boolean;
}

/** One line per finding with its severity; the summary counts these. */
export function findings(r: Omit<DoctorReport, "summary">): Array<{ severity: Severity; check: string; text: string }> {
  const out: Array<{ severity: Severity; check: string; text: string }> = [];
  for (const p of r.frontMatter) out.push({ severity: p.severity, check: "front-matter", text: `${p.file}${p.field ? ` (${p.field})` : ""}: ${p.message}` });
  for (const s of r.setup) out.push({ severity: "blocking", check: "setup", text: s });
  for (const c of r.contradictions) out.push({ severity: "warning", check: "contradiction", text: `${c.dimension}: ${c.figures.map((f) => `${f.value} (${f.articleId})`).join(" vs ")}` });
  for (const d of r.duplicates) out.push({ severity: "warning", check: "near-duplicate", text: `${d.a.articleId} ≈ ${d.b.articleId} (${Math.round(d.similarity * 100)}%)` });
  if (r.commonQuestions.ran) {
    for (const q of r.commonQuestions.result) if (!q.answered) out.push({ severity: "warning", check: "common question", text: `not answered: ${q.question}` });
  }
  // Unreached sections and promotional sentences are facts to review, not defects of the corpus.
  if (r.reach.ran) for (const s of r.reach.result.unreached) out.push({ severity: "info", check: "unreached section", text: `${s.articleId}: ${s.label}` });
  for (const p of r.promotional) out.push({ severity: "info", check: "promotional", text: `${p.articleId}: ${p.rule}` });
  return out;
}

export function summarize(r: Omit<DoctorReport, "summary">): Summary {
  const all = findings(r);
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  const blocking = count("blocking");
  const warnings = count("warning");
  return { blocking, warnings, info: count("info"), passed: blocking === 0 && (!r.options.strict || warnings === 0) };
}

export function exitCode(summary: Summary): number {
  return summary.passed ? 0 : 1;
}
