/**
 * The `--html` report for clinic staff: one self-contained page (inline CSS,
 * no scripts, no external requests; long lists fold with <details>). Every
 * piece of corpus text is escaped.
 */
import { escapeHtml as esc } from "../../eval/report/html.js";
import { sectionLabel } from "../corpus-text.js";
import type { DoctorReport } from "../report.js";
import { findings } from "../report.js";

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;background:#f5f7fa;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #d9e2ec;padding-bottom:4px}
h3{font-size:16px;margin:16px 0 6px}
.meta{color:#52606d;font-size:13px}
.verdict{padding:14px 18px;border-radius:8px;font-size:18px;font-weight:600;margin:16px 0}
.verdict.ok{background:#e3f9e5;color:#05400a;border:1px solid #57ae5b}.verdict.bad{background:#ffe3e3;color:#610404;border:1px solid #e66a6a}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:10px 14px;min-width:130px}
.card b{display:block;font-size:24px}.card span{color:#52606d;font-size:13px}
.card.blocking b{color:#cf1124}.card.warning b{color:#b44d12}
table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0 12px;font-size:14px}
th,td{border:1px solid #d9e2ec;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f0f4f8}
.sev{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600}
.sev.blocking{background:#ffe3e3;color:#8a041a}.sev.warning{background:#fff3c4;color:#8d2b0b}.sev.info{background:#e0e8f9;color:#19216c}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px;margin:8px 0 18px}
.stmt{background:#fff;border:1px solid #d9e2ec;border-left:5px solid #f0b429;border-radius:6px;padding:10px 12px}
.stmt .value{font-size:20px;font-weight:700}.stmt .src{color:#52606d;font-size:13px}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #bcccdc;color:#323f4b;background:#f8fafc}
.q{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:10px 12px;margin:8px 0}
.q.no{border-left:5px solid #e66a6a}.q.yes{border-left:5px solid #57ae5b}
.q .reply{white-space:pre-wrap}.cites{font-size:13px;color:#52606d;margin:4px 0 0 18px;padding:0}
.note{color:#52606d;font-size:14px}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
code{background:#f0f4f8;padding:0 4px;border-radius:3px;font-size:13px}
`;

function section(title: string, intro: string, body: string): string {
  return `<section><h2>${esc(title)}</h2><p class="note">${intro}</p>${body}</section>`;
}

function sev(s: string): string {
  return `<span class="sev ${esc(s)}">${esc(s)}</span>`;
}

function foldIfLong(items: string[], label: string, open = 12): string {
  if (items.length <= open) return items.join("");
  return `${items.slice(0, open).join("")}<details><summary>${esc(`${items.length - open} more ${label}`)}</summary>${items.slice(open).join("")}</details>`;
}

function titleOf(r: DoctorReport, articleId: string): string {
  return r.articles.find((a) => a.id === articleId)?.title ?? articleId;
}

function contradictions(r: DoctorReport): string {
  if (r.contradictions.length === 0) return `<p>No article states a figure that another article states differently.</p>`;
  return r.contradictions
    .map((c, i) => {
      const cards = c.figures
        .map(
          (f) =>
            `<div class="stmt"><div class="value">${esc(f.value)}</div><blockquote>${esc(f.sentence)}</blockquote><div class="src">${esc(f.title)} · ${esc(sectionLabel(f.sectionPath))}<br><code>${esc(f.articleId)}</code></div></div>`,
        )
        .join("");
      return `<h3>${i + 1}. ${esc(describeDimension(c.dimension, c.figures[0]?.quantity.noun ?? null))}${c.about.length ? ` — about “${esc(c.about.join(", "))}”` : ""}</h3><div class="pair">${cards}</div>`;
    })
    .join("");
}

function describeDimension(d: string, noun: string | null): string {
  const [base, rate] = d.split("/");
  const what = base === "duration" ? "A length of time" : base === "percent" ? "A percentage" : `A number of ${noun ?? base!.replace(/^count:/, "")}`;
  return rate ? `${what} per ${rate}` : what;
}

function commonQuestions(r: DoctorReport): string {
  if (!r.commonQuestions.ran) return `<p>Not run: ${esc(r.commonQuestions.reason)}</p>`;
  const answers = r.commonQuestions.result;
  const items = [...answers]
    .sort((a, b) => Number(a.answered) - Number(b.answered))
    .map((a) => {
      const cites = a.citations.map((c) => `<li>[${c.n}] ${esc(c.title)}${c.section ? ` · ${esc(c.section)}` : ""}</li>`).join("");
      const verdict = a.answered ? "gets an answer (is it the right one?)" : `not answered (${a.type === "no_answer" ? "the articles do not cover it" : a.type})`;
      return `<div class="q ${a.answered ? "yes" : "no"}"><b>${esc(a.question)}</b> <span class="note">(${esc(a.about)}) — ${esc(verdict)}</span><div class="reply">${esc(a.text)}</div>${cites ? `<ol class="cites">${cites}</ol>` : ""}</div>`;
    });
  return `<p><b>${answers.filter((a) => a.answered).length} of ${answers.length}</b> get an answer. Read each reply: the doctor checks that the articles give one, not that it answers the question.</p>${items.join("")}`;
}

function frontMatter(r: DoctorReport): string {
  const rows = [
    ...r.setup.map((s) => `<tr><td>${sev("blocking")}</td><td colspan="2">setup</td><td>${esc(s)}</td></tr>`),
    ...r.frontMatter.map((p) => `<tr><td>${sev(p.severity)}</td><td><code>${esc(p.file)}</code></td><td>${esc(p.field ?? "")}</td><td>${esc(p.message)}</td></tr>`),
  ];
  if (rows.length === 0) return `<p>Every article file is valid, reviewed recently and has a link.</p>`;
  return `<table><tr><th>severity</th><th>file</th><th>field</th><th>problem</th></tr>${rows.join("")}</table>`;
}

function duplicates(r: DoctorReport): string {
  if (r.duplicates.length === 0) return `<p>No passage repeats another article's text.</p>`;
  return foldIfLong(
    r.duplicates.map(
      (d) =>
        `<h3>${Math.round(d.similarity * 100)}% the same</h3><div class="pair">${[d.a, d.b]
          .map((p) => `<div class="stmt"><blockquote>${esc(p.text)}</blockquote><div class="src">${esc(titleOf(r, p.articleId))} · ${esc(sectionLabel(p.sectionPath))}</div></div>`)
          .join("")}</div>`,
    ),
    "near-duplicates",
    6,
  );
}

function reach(r: DoctorReport): string {
  if (!r.reach.ran) return `<p>Not run: ${esc(r.reach.reason)}</p>`;
  const x = r.reach.result;
  const rows = x.sections.map(
    (s) => `<tr${s.questions === 0 ? ' style="background:#fffbea"' : ""}><td>${esc(titleOf(r, s.articleId))}</td><td>${esc(s.label)}</td><td>${s.questions === 0 ? "<b>none</b>" : s.questions}</td></tr>`,
  );
  const list = x.unreached.map((s) => `<li>${esc(titleOf(r, s.articleId))} · <b>${esc(s.label)}</b></li>`).join("");
  return `<p><b>${x.unreached.length} of ${x.sections.length}</b> sections are in no question's top ${x.topK} (${x.questions} questions from ${esc(x.suites.join(", "))}).</p>${list ? `<ul>${list}</ul>` : ""}
<details><summary>Every section and how many questions reach it</summary><table><tr><th>article</th><th>section</th><th>questions reaching it</th></tr>${rows.join("")}</table></details>`;
}

function promotional(r: DoctorReport): string {
  if (r.promotional.length === 0) return `<p>No sentence is tagged promotional.</p>`;
  const rows = r.promotional.map((p) => `<tr><td>${esc(titleOf(r, p.articleId))}<br><span class="note">${esc(sectionLabel(p.sectionPath))}</span></td><td>${esc(p.sentence)}</td><td><code>${esc(p.rule)}</code></td></tr>`);
  return `<details><summary>${r.promotional.length} tagged sentences</summary><table><tr><th>article · section</th><th>sentence</th><th>tagged by</th></tr>${rows.join("")}</table></details>`;
}

function articles(r: DoctorReport): string {
  const rows = r.articles.map((a) => {
    const sections = a.sections
      .map((s) => `${esc(s.label)} <span class="note">(${s.searchable} searchable${s.promotional ? `, ${s.promotional} promotional` : ""}${s.collapsed ? `, ${s.collapsed} duplicate dropped` : ""})</span>`)
      .join("<br>");
    return `<tr><td><b>${esc(a.title)}</b><br><code>${esc(a.file)}</code></td><td>${esc(a.status)}</td><td>${esc(a.reviewed)}</td><td>${a.chunks}</td><td>${sections || '<span class="note">not indexed</span>'}</td></tr>`;
  });
  return `<table><tr><th>article</th><th>status</th><th>reviewed</th><th>chunks</th><th>sections</th></tr>${rows.join("")}</table>`;
}

export function renderDoctorHtml(r: DoctorReport): string {
  const all = findings(r);
  const blocking = all.filter((f) => f.severity === "blocking");
  const verdict = r.summary.passed
    ? `<div class="verdict ok">No blocking problems${r.summary.warnings ? ` — read the ${r.summary.warnings} warning(s) below, and the replies to the common questions, before going live` : ""}.</div>`
    : `<div class="verdict bad">Not ready to go live: ${blocking.length ? `${blocking.length} blocking problem(s)` : `${r.summary.warnings} warning(s) (--strict)`}.</div>`;
  const fixFirst = blocking.length ? `<h3>Fix first</h3><ul>${blocking.map((b) => `<li>${esc(b.text)}</li>`).join("")}</ul>` : "";
  const cards = `<div class="cards"><div class="card blocking"><span>Blocking</span><b>${r.summary.blocking}</b></div><div class="card warning"><span>Warnings</span><b>${r.summary.warnings}</b></div><div class="card"><span>Notes</span><b>${r.summary.info}</b></div><div class="card"><span>Articles</span><b>${r.articles.length}</b></div><div class="card"><span>Chunks indexed</span><b>${r.assistant?.chunks ?? "—"}</b></div></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Corpus check</title><style>${CSS}</style></head>
<body><main>
<h1>Corpus check</h1>
<p class="meta">${esc(r.corpusDir)} · ${esc(r.generatedAt)}${r.assistant ? ` · answerer ${esc(r.assistant.answerer)}, embedder ${esc(r.assistant.embedder)}` : ""}</p>
${verdict}${cards}${fixFirst}
${section("Figures that disagree between articles", "The same kind of figure stated differently in different articles. Patients may be shown either one; decide which is right and correct the other article.", contradictions(r))}
${section("Questions patients of any clinic ask", "Each question was put to the assistant exactly as a patient would type it. The reply shown is the one a patient would get today. “Answered” only means the articles had passages on the question: read each reply to judge whether it really answers it.", commonQuestions(r))}
${section("Front-matter", "Files that fail validation are left out of the index until fixed. Drafts are never shown to patients.", frontMatter(r))}
${section("Passages repeated across articles", "Near-identical paragraphs in different articles. Keep one, or make sure both say the same thing.", duplicates(r))}
${section("Sections no eval question reaches", "A section in no question's top results is untested: add an eval question for it, or check that patients would ever need it.", reach(r))}
${section("Promotional sentences", "These sentences are kept out of answers. Check that none of them is a fact patients need.", promotional(r))}
${section("Articles and sections", "What the index holds: each article's sections and how many searchable passages (chunks) each yields.", articles(r))}
</main></body></html>
`;
}
