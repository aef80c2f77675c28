/** What `npm run doctor` prints: a summary and one compact table per check. */
import Table from "cli-table3";
import type { DoctorReport } from "../report.js";
import { findings } from "../report.js";

const COMPACT = { style: { head: [], border: [] }, wordWrap: true };

function table(head: string[], rows: string[][], colWidths: number[]): string {
  const t = new Table({ head, colWidths, ...COMPACT });
  t.push(...rows);
  return t.toString();
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function renderTerminal(r: DoctorReport, maxRows = 30): string {
  const out: string[] = [];
  const more = (n: number) => (n > maxRows ? [`  … and ${n - maxRows} more (see --html or --json)`] : []);
  out.push(`Corpus ${r.corpusDir}: ${r.articles.length} valid article file(s), ${r.frontMatter.filter((p) => p.kind === "invalid").length ? "some files invalid" : "all files valid"}`);
  if (r.assistant) out.push(`Assistant: ${r.assistant.articles} approved articles, ${r.assistant.chunks} chunks, answerer ${r.assistant.answerer}, embedder ${r.assistant.embedder}`);

  out.push("", "Articles and sections");
  out.push(
    table(
      ["article", "status", "reviewed", "chunks", "sections (searchable chunks)"],
      r.articles.map((a) => [a.id, a.status, a.reviewed, String(a.chunks), a.sections.map((s) => `${s.label} (${s.searchable})`).join("\n")]),
      [34, 10, 12, 8, 50],
    ),
  );

  out.push("", `Front-matter: ${r.frontMatter.length === 0 ? "no problems" : `${r.frontMatter.length} problem(s)`}`);
  if (r.frontMatter.length > 0) out.push(table(["severity", "file", "field", "problem"], r.frontMatter.map((p) => [p.severity, p.file, p.field ?? "", p.message]), [10, 34, 12, 50]));
  for (const s of r.setup) out.push(`BLOCKING: ${s}`);

  out.push("", `Contradicting figures: ${r.contradictions.length} group(s)`);
  for (const [i, c] of r.contradictions.entries()) {
    out.push(`  ${i + 1}. ${c.dimension}${c.about.length ? ` — about: ${c.about.join(", ")}` : ""}`);
    out.push(table(["article", "section", "states", "sentence"], c.figures.map((f) => [f.articleId, f.sectionPath.join(" › ") || "(introduction)", f.value, f.sentence]), [30, 22, 16, 50]));
  }

  if (r.commonQuestions.ran) {
    const answers = r.commonQuestions.result;
    out.push("", `Common patient questions: ${answers.filter((a) => a.answered).length} of ${answers.length} get an answer (read each reply: the doctor checks that one comes back, not that it answers the question)`);
    out.push(
      table(
        ["question", "gets an answer", "reply (first 160 characters)", "cites"],
        answers.map((a) => [a.question, a.answered ? "yes" : `NO (${a.type})`, cut(a.text, 160), [...new Set(a.citations.map((c) => c.articleId))].join("\n")]),
        [30, 16, 50, 30],
      ),
    );
  } else out.push("", `Common patient questions: not run (${r.commonQuestions.reason})`);

  out.push("", `Near-duplicate passages across articles: ${r.duplicates.length}`);
  for (const d of r.duplicates.slice(0, maxRows)) out.push(`  ${Math.round(d.similarity * 100)}%  ${d.a.articleId} ≈ ${d.b.articleId}: "${cut(d.a.text, 90)}"`);
  out.push(...more(r.duplicates.length));

  if (r.reach.ran) {
    const x = r.reach.result;
    out.push("", `Sections no eval question reaches (top ${x.topK} of ${x.questions} questions from ${x.suites.join(", ")}): ${x.unreached.length} of ${x.sections.length}`);
    for (const s of x.unreached.slice(0, maxRows)) out.push(`  ${s.articleId}: ${s.label}`);
    out.push(...more(x.unreached.length));
  } else out.push("", `Sections no eval question reaches: not run (${r.reach.reason})`);

  out.push("", `Promotional sentences (tagged, never used as answers): ${r.promotional.length}`);
  for (const p of r.promotional.slice(0, maxRows)) out.push(`  ${p.articleId}: "${cut(p.sentence, 80)}" — ${p.rule}`);
  out.push(...more(r.promotional.length));

  const blocking = findings(r).filter((f) => f.severity === "blocking");
  out.push("", `Summary: ${r.summary.blocking} blocking, ${r.summary.warnings} warning(s), ${r.summary.info} note(s)${r.options.strict ? " (--strict: warnings block)" : ""}`);
  for (const b of blocking) out.push(`  ✗ ${b.check}: ${b.text}`);
  // "No blocking problems" is not "ready": unanswered common questions and contradictions are warnings a person must read.
  out.push(r.summary.passed ? `Doctor: no blocking problems${r.summary.warnings ? ` (read the ${r.summary.warnings} warning(s) and the common-question replies above before going live)` : ""}.` : "Doctor: NOT ready — fix the problems above.");
  return out.join("\n");
}
