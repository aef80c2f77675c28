/**
 * The `--html` report: one self-contained file (inline CSS and SVG, no
 * scripts, no external requests) that opens offline. Everything from the
 * suite or the replies is escaped.
 */
import { OUTCOMES } from "../aggregate.js";
import type { CaseRun } from "../run.js";
import type { ThresholdMetric } from "../suite.js";
import type { BaselineDiff, EvalReport, SuiteReport } from "./json.js";
import { formatMetric, metricKind, type MetricKind } from "./table.js";

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

const CARDS: Array<{ key: ThresholdMetric; label: string; kind: MetricKind }> = [
  { key: "pass_rate", label: "Pass rate", kind: "rate" },
  { key: "type_accuracy", label: "Type accuracy", kind: "rate" },
  { key: "emergency_recall", label: "Emergency recall", kind: "rate" },
  { key: "helpful", label: "Judged helpful", kind: "rate" },
  { key: "off_target", label: "Off-target quotes", kind: "rate" },
  { key: "uncovered_answered", label: "Uncovered answered", kind: "rate" },
  { key: "crisis_line_recall", label: "Crisis line recall", kind: "rate" },
  { key: "false_emergencies", label: "False emergencies", kind: "count" },
  { key: "false_notices", label: "False crisis notices", kind: "count" },
  { key: "groundedness", label: "Groundedness", kind: "rate" },
  { key: "citation_validity", label: "Citation validity", kind: "rate" },
  { key: "sources_hit", label: "Sources hit", kind: "rate" },
  { key: "facts", label: "Facts", kind: "rate" },
  { key: "hit_at_1", label: "Retrieval hit@1", kind: "rate" },
  { key: "hit_at_3", label: "Retrieval hit@3", kind: "rate" },
  { key: "mrr", label: "Retrieval MRR", kind: "score" },
  { key: "latency_p95_ms", label: "Latency p95", kind: "ms" },
];

function cards(suite: SuiteReport): string {
  const m = suite.aggregate.metrics;
  return `<div class="cards">${CARDS.map((c) => {
    const threshold = suite.thresholds[c.key];
    const breached = suite.breaches.some((b) => b.metric === c.key);
    const cls = threshold === undefined ? "" : breached ? " bad" : " good";
    const gate = threshold === undefined ? "" : `<small>threshold ${escapeHtml(formatMetric(threshold, c.kind))}</small>`;
    return `<div class="card${cls}"><span>${escapeHtml(c.label)}</span><b>${escapeHtml(formatMetric(m[c.key], c.kind))}</b>${gate}</div>`;
  }).join("")}</div>`;
}

function passRateChart(suite: SuiteReport): string {
  const entries = Object.entries(suite.aggregate.byType);
  const rowH = 26;
  const width = 520;
  const labelW = 110;
  const barMax = width - labelW - 80;
  const bars = entries
    .map(([type, v], i) => {
      const y = i * rowH + 4;
      const w = Math.round(v.rate * barMax);
      return `<text x="0" y="${y + 15}">${escapeHtml(type)}</text><rect x="${labelW}" y="${y}" width="${barMax}" height="18" class="track"/><rect x="${labelW}" y="${y}" width="${w}" height="18" class="${v.rate === 1 ? "ok" : "warn"}"/><text x="${labelW + barMax + 8}" y="${y + 15}">${(v.rate * 100).toFixed(0)}% (${v.passed}/${v.runs})</text>`;
    })
    .join("");
  return `<figure><figcaption>Pass rate by expected type</figcaption><svg role="img" aria-label="Pass rate by expected type" width="${width}" height="${entries.length * rowH + 8}">${bars}</svg></figure>`;
}

function confusionMatrix(suite: SuiteReport): string {
  const rows = Object.entries(suite.aggregate.confusion);
  const max = Math.max(1, ...rows.flatMap(([, r]) => Object.values(r)));
  const head = `<tr><th>expected ↓ / actual →</th>${OUTCOMES.map((o) => `<th>${escapeHtml(o)}</th>`).join("")}</tr>`;
  const body = rows
    .map(([expected, row]) => {
      const cells = OUTCOMES.map((o) => {
        const n = row[o];
        const alpha = n === 0 ? 0 : 0.15 + 0.7 * (n / max);
        const colour = o === expected ? `rgba(34,139,84,${alpha})` : `rgba(200,60,50,${alpha})`;
        return `<td style="background:${colour}">${n || ""}</td>`;
      }).join("");
      return `<tr><th>${escapeHtml(expected)}</th>${cells}</tr>`;
    })
    .join("");
  return `<figure><figcaption>Routing confusion matrix (runs)</figcaption><table class="matrix">${head}${body}</table></figure>`;
}

/** Histogram bins over [0, max] in equal widths. Pure; exported for tests. */
export function histogram(values: number[], binCount = 12): Array<{ from: number; to: number; count: number }> {
  if (values.length === 0) return [];
  const max = Math.max(...values);
  const width = max > 0 ? max / binCount : 1;
  const bins = Array.from({ length: binCount }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const v of values) bins[Math.min(binCount - 1, Math.floor(v / width))]!.count++;
  return bins;
}

function latencyHistogram(latencies: number[]): string {
  const bins = histogram(latencies);
  if (bins.length === 0) return "";
  const height = 140;
  const barW = 36;
  const top = Math.max(...bins.map((b) => b.count));
  const bars = bins
    .map((b, i) => {
      const h = Math.round((b.count / top) * (height - 40));
      const x = i * (barW + 4);
      return `<rect x="${x}" y="${height - 20 - h}" width="${barW}" height="${h}" class="ok"><title>${b.from.toFixed(0)}–${b.to.toFixed(0)} ms: ${b.count}</title></rect><text x="${x}" y="${height - 4}" class="tick">${b.to < 10 ? b.to.toFixed(1) : Math.round(b.to)}</text>${b.count ? `<text x="${x + 4}" y="${height - 24 - h}" class="tick">${b.count}</text>` : ""}`;
    })
    .join("");
  return `<figure><figcaption>Latency histogram (ms, upper bin edge)</figcaption><svg role="img" aria-label="Latency histogram" width="${bins.length * (barW + 4)}" height="${height}">${bars}</svg></figure>`;
}

function caseDetails(run: CaseRun, repeat: number): string {
  const failed = Object.entries(run.checks).filter(([, c]) => !c.pass);
  const expect = run.expect;
  const expected = [
    expect.type ? `type <code>${escapeHtml(expect.type)}</code>` : null,
    expect.sources ? `sources any of ${expect.sources.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ")}` : null,
    expect.facts ? `facts ${expect.facts.map((g) => `[${g.map(escapeHtml).join(" | ")}]`).join(" ")}` : null,
    expect.forbid ? `forbid ${expect.forbid.map(escapeHtml).join(", ")}` : null,
  ].filter(Boolean);
  const history = run.history.map((t) => `<li><b>${escapeHtml(t.role)}:</b> ${escapeHtml(t.content)}</li>`).join("");
  const citations = (run.reply?.citations ?? [])
    .map((c) => `<li>[${c.n}] <b>${escapeHtml(c.title)}</b>${c.section ? ` — ${escapeHtml(c.section)}` : ""}<blockquote>${escapeHtml(c.quote)}</blockquote></li>`)
    .join("");
  return `<details class="case"><summary><span class="bad">✗</span> <b>${escapeHtml(run.id)}</b>${repeat > 1 ? ` (repeat ${run.repeat + 1})` : ""} — ${escapeHtml(run.question)}</summary>
<dl>
${history ? `<dt>History</dt><dd><ul>${history}</ul></dd>` : ""}
<dt>Expected</dt><dd>${expected.join(" · ") || "invariants only"}</dd>
<dt>Actual</dt><dd>type <code>${escapeHtml(run.actualType ?? `HTTP ${run.status}`)}</code> · ${run.latencyMs.toFixed(1)} ms${run.retrieval ? ` · expected source at rank ${run.retrieval.rank ?? "—"}` : ""}</dd>
<dt>Failed checks</dt><dd><ul>${failed.map(([name, c]) => `<li><code>${escapeHtml(name)}</code>: ${escapeHtml(c.detail)}</li>`).join("")}</ul></dd>
<dt>Answer</dt><dd><p class="answer">${escapeHtml(run.reply?.text ?? "(no valid reply)")}</p></dd>
${citations ? `<dt>Citations</dt><dd><ol class="plain">${citations}</ol></dd>` : ""}
</dl></details>`;
}

function baselineSection(diff: BaselineDiff): string {
  const list = (items: Array<{ suite: string; id: string }>) => (items.length === 0 ? "<p>none</p>" : `<ul>${items.map((c) => `<li>${escapeHtml(c.suite)} / <b>${escapeHtml(c.id)}</b></li>`).join("")}</ul>`);
  return `<section><h2>Against the baseline</h2>
<h3>Newly failing (${diff.newlyFailing.length})</h3>${list(diff.newlyFailing)}
<h3>Newly passing (${diff.newlyPassing.length})</h3>${list(diff.newlyPassing)}
<h3>Added (${diff.added.length}) · removed (${diff.removed.length})</h3>${list([...diff.added, ...diff.removed])}</section>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2430}
h1{margin-bottom:.2rem}.meta{color:#5b6472;font-size:13px}.meta code{font-size:12px}
.verdict{display:inline-block;padding:.2rem .7rem;border-radius:4px;font-weight:600;color:#fff}.verdict.pass{background:#228b54}.verdict.fail{background:#c83c32}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}.card{border:1px solid #d8dde5;border-radius:6px;padding:.5rem .8rem;min-width:120px}
.card span{display:block;font-size:12px;color:#5b6472}.card b{font-size:20px}.card small{display:block;color:#5b6472}
.card.good{border-color:#228b54}.card.bad{border-color:#c83c32;background:#fdf0ef}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.4rem}svg text{font-size:12px;fill:#1d2430}svg .tick{font-size:10px;fill:#5b6472}
rect.track{fill:#eef1f5}rect.ok{fill:#2f7fc1}rect.warn{fill:#d98b2b}
table.matrix{border-collapse:collapse}table.matrix th,table.matrix td{border:1px solid #d8dde5;padding:.3rem .6rem;text-align:center}
.charts{display:flex;flex-wrap:wrap;gap:2rem}
details.case{border:1px solid #d8dde5;border-radius:6px;padding:.4rem .8rem;margin:.4rem 0}details.case summary{cursor:pointer}
.bad{color:#c83c32}dt{font-weight:600;margin-top:.5rem}dd{margin-left:1rem}.answer{white-space:pre-wrap}
blockquote{margin:.2rem 0 .4rem;padding-left:.6rem;border-left:3px solid #d8dde5;color:#3b4452}ol.plain{padding-left:1rem;list-style:none}
`;

export function renderHtml(report: EvalReport, diff: BaselineDiff | null): string {
  const sections = report.suites.map((suite) => {
    const runs = report.cases.filter((c) => c.suite === suite.name);
    const failing = runs.filter((c) => !c.passed);
    const flaky = suite.aggregate.perCase.filter((p) => p.runs > 1 && p.rate > 0 && p.rate < 1);
    const breaches = suite.breaches
      .map((b) => `<li>${escapeHtml(b.metric)}: ${escapeHtml(formatMetric(b.actual, metricKind(b.metric)))} (threshold ${escapeHtml(formatMetric(b.threshold, metricKind(b.metric)))})</li>`)
      .join("");
    return `<section><h2>${escapeHtml(suite.name)} <span class="verdict ${suite.passed ? "pass" : "fail"}">${suite.passed ? "passed" : "failed"}</span></h2>
<p class="meta">${escapeHtml(suite.file)} · ${suite.aggregate.metrics.cases} cases · ${suite.aggregate.metrics.runs} runs${suite.description ? ` · ${escapeHtml(suite.description)}` : ""}</p>
${breaches ? `<p class="bad">Thresholds breached:</p><ul class="bad">${breaches}</ul>` : ""}
${cards(suite)}
<div class="charts">${passRateChart(suite)}${confusionMatrix(suite)}${latencyHistogram(runs.map((r) => r.latencyMs))}</div>
${flaky.length > 0 ? `<h3>Unstable across repeats (${flaky.length})</h3><ul>${flaky.map((p) => `<li><b>${escapeHtml(p.id)}</b>: passed ${p.passed}/${p.runs}</li>`).join("")}</ul>` : ""}
<h3>Failing cases (${failing.length})</h3>${failing.length === 0 ? "<p>None.</p>" : failing.map((run) => caseDetails(run, report.config.repeat)).join("\n")}
</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Eval report — ${escapeHtml(report.suites.map((s) => s.name).join(", "))}</title><style>${STYLE}</style></head>
<body><h1>Eval report <span class="verdict ${report.passed ? "pass" : "fail"}">${report.passed ? "passed" : "failed"}</span></h1>
<p class="meta">${escapeHtml(report.generatedAt)} · commit <code>${escapeHtml(report.commit ?? "unknown")}</code> · target ${escapeHtml(report.target.target)} · answerer ${escapeHtml(report.target.answerer ?? "?")} · embedder ${escapeHtml(report.target.embedder ?? "?")} · corpus <code>${escapeHtml((report.target.corpusHash ?? "?").slice(0, 12))}</code> · repeat ${report.config.repeat}</p>
${diff ? baselineSection(diff) : ""}
${sections.join("\n")}
</body></html>
`;
}
