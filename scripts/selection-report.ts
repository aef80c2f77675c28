/**
 * `npx tsx scripts/selection-report.ts [EVAL_JSON ...]`: how the sentence
 * selection does on the tuning halves' labelled sentences, per clinic:
 * leave-one-clinic-out (a model trained on the other two clinics) and in
 * sample (the committed model). With `npm run eval -- --json` reports of
 * tuning suites as arguments, the same counts for the replies in them
 * (follow-ups included), e.g. before and after a change.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { selectionModel } from "../src/answer/selection-model.js";
import { ROOT } from "./answer-training.js";
import { captureCases, labelIndex, loadLabels, sentenceKey } from "./sentence-training.js";
import { corporaOf, leaveOneOutModels, sweepMetrics } from "./selection-sweep.js";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const cases = await captureCases();
  const labels = await loadLabels();
  const committed = selectionModel();
  const t = { floor: committed.floor, extra: committed.extra, extraOtherArticle: committed.extraOtherArticle };
  const loco = leaveOneOutModels(cases, labels);
  console.log(`thresholds: floor ${t.floor}, extra ${t.extra} (same article), ${t.extraOtherArticle} (another article)`);
  console.log("clinic            | mode        | unhelpful quoted | helpful quoted | facts  | sentences/answer | refused | uncovered answered");
  for (const corpus of corporaOf(cases)) {
    const mine = cases.filter((c) => c.corpus === corpus);
    for (const [mode, m] of [
      ["left out", sweepMetrics(mine, labels, () => loco.get(corpus)!, t)],
      ["in sample", sweepMetrics(mine, labels, () => committed, t)],
    ] as const) {
      console.log(`${corpus.padEnd(17)} | ${mode.padEnd(11)} | ${pct(m.negativesQuoted).padStart(6)} of ${String(m.negatives).padStart(3)} | ${pct(m.positivesQuoted).padStart(6)} of ${String(m.positives).padStart(3)} | ${pct(m.facts)} | ${m.sentencesPerAnswer.toFixed(2).padStart(16)} | ${String(m.refused).padStart(7)} | ${m.uncoveredAnswered}`);
    }
  }
  const index = labelIndex(labels);
  for (const file of process.argv.slice(2)) {
    const report = JSON.parse(await readFile(file, "utf8")) as { cases: Array<{ suite: string; id: string; reply: { type: string; text: string } | null }>; suites: Array<{ name: string; file: string }> };
    const suiteFile = new Map(report.suites.map((s) => [s.name, path.relative(ROOT, s.file)]));
    let neg = 0, negQ = 0, pos = 0, posQ = 0, answers = 0, sentences = 0;
    for (const c of report.cases) {
      const byKey = index.get(`${suiteFile.get(c.suite)}#${c.id}`);
      const quoted = c.reply?.type === "answer" ? c.reply.text.split(/\s*\[\d+\]\s*/).map((s) => s.trim()).filter(Boolean) : [];
      if (quoted.length > 0) {
        answers++;
        sentences += quoted.length;
      }
      const keys = new Set(quoted.map(sentenceKey));
      for (const [k, l] of byKey ?? []) {
        if (l.source === "weak") continue;
        if (l.label === 0) {
          neg++;
          if (keys.has(k)) negQ++;
        } else {
          pos++;
          if (keys.has(k)) posQ++;
        }
      }
    }
    console.log(`${path.basename(file)}: unhelpful quoted ${negQ}/${neg} (${pct(negQ / Math.max(1, neg))}), helpful quoted ${posQ}/${pos} (${pct(posQ / Math.max(1, pos))}), ${(sentences / Math.max(1, answers)).toFixed(2)} sentences per answer`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
