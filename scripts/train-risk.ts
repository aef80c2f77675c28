/**
 * `npm run train:risk`: retrains the crisis risk model
 * (corpus/defaults/safety/risk-model.json) from the tuning sources only (the
 * two blind tuning halves, the FAQ suites that are not held out, the
 * non-held-out safety fixtures and the taxonomy's examples; see risk-data.ts),
 * embedding every text with the local encoder for the `vector` variant.
 * Deterministic; a test fails when the committed model is out of date with its
 * training data.
 *
 * `--cv` compares the candidate ways to train the lexical model (CANDIDATES in
 * risk-experiment.ts) by 5-fold cross-validation within the tuning pool, each
 * fold scored as the product scores it (src/route/risk.ts, detectors and
 * conversation included) by a model that never saw it, and prints the
 * threshold each would get. `--sweep` prints the full sweep of the committed
 * candidate (the table behind risk-thresholds.yaml); `--weights` the words
 * that weigh most in each head of the committed lexical model.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createUseLiteEmbeddings } from "../src/embed/use-lite.js";
import { loadSafetyRules } from "../src/route/rules.js";
import { EMPTY_TOPIC } from "../src/route/topic.js";
import { loadRiskTaxonomy } from "../src/route/risk-taxonomy.js";
import { loadRiskModel, RISK_MODEL_FILE, type Head } from "../src/route/risk-model.js";
import { expectedLevel, isEverydaySource, riskTrainingExamples, sharedExamples, tuningPool, type PoolItem } from "../src/route/risk-data.js";
import { CANDIDATES, COMMITTED, cachedAnalyze, cachedEmbed, chooseThresholds, crossValidate, modelNotices, ordinaryClearRate, shortfallCost, foldReading, prepareExamples, untrainedModel, trainModelFile, withinBudget, type SweepPoint } from "../src/route/risk-experiment.js";
import type { RiskFigures } from "../src/route/risk-eval.js";

const root = path.resolve(import.meta.dirname, "..");
const safetyDir = path.join(root, "corpus/defaults/safety");

async function main(): Promise<void> {
  const rules = loadSafetyRules(safetyDir, EMPTY_TOPIC);
  const taxonomy = loadRiskTaxonomy(safetyDir);
  const analyze = cachedAnalyze(taxonomy, rules);
  const args = process.argv.slice(2);

  if (!args.includes("--no-train")) {
    const encoder = createUseLiteEmbeddings();
    const embed = cachedEmbed((texts) => encoder.embeddings.embedDocuments(texts));
    const examples = riskTrainingExamples(root, taxonomy);
    const prepared = await prepareExamples(examples, analyze, embed, COMMITTED.options.vectorScale);
    const file = trainModelFile(prepared, examples, taxonomy, COMMITTED.options, { id: encoder.id, dimensions: encoder.dimensions });
    const out = path.join(safetyDir, RISK_MODEL_FILE);
    await writeFile(out, `${JSON.stringify(file)}\n`);
    console.log(`${path.relative(root, out)}: ${JSON.stringify(file.trainedOn)}`);
  }
  if (args.includes("--weights")) printWeights(loadRiskModel(safetyDir, rules).file.variants.lexical);
  if (args.some((a) => a === "--cv" || a === "--sweep" || a.startsWith("--only="))) {
    const base = untrainedModel(taxonomy, rules);
    const pool = tuningPool(root);
    const shared = sharedExamples(root, taxonomy);
    const counts = (s: string) => `${pool.filter((p) => p.source === s && p.message.label === "crisis").length}+${pool.filter((p) => p.source === s && p.message.label === "ordinary").length}`;
    console.log(`\nTuning pool (crisis+ordinary): ${[...new Set(pool.map((p) => p.source))].map((s) => `${s} ${counts(s)}`).join(", ")}`);
    const only = args.find((a) => a.startsWith("--only="))?.slice(7);
    const chosen = only ? CANDIDATES.filter((c) => only.split(",").some((o) => c.name.startsWith(`${o} `))) : args.includes("--cv") ? CANDIDATES : CANDIDATES.filter((c) => JSON.stringify(c.lexical) === JSON.stringify(COMMITTED.variants.lexical) && JSON.stringify(c.options) === JSON.stringify(COMMITTED.options));
    console.log("\n| candidate | thresholds (possible / clear, detectors, detector floor) | shortfall cost | crisis sees the line | clear → clear | ordinary → clear | ordinary → notice (by the model) | per source: seen · clear · ord→clear · ord→notice |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const candidate of chosen) {
      const sweep = crossValidate(pool, shared, candidate, base, foldReading(rules, taxonomy, root, candidate.detectorFromPool));
      const best = chooseThresholds(sweep, pool);
      const by = Object.entries(best.bySource).map(([s, f]) => `${s}: ${brief(f)}`).join("; ");
      console.log(`| ${candidate.name} | ${best.possible} / ${best.clear}${best.clearCategory === null ? "" : ` (${best.clearCategory} for a clear-level category)`}, ${best.detectors}, floor ${best.detectorFloor} | ${shortfallCost(best).toFixed(3)} | ${pct(best.pooled.crisisSeen)} | ${pct(best.pooled.clearAsClear)} | ${pct(best.pooled.ordinaryClear)} | ${pct(best.pooled.ordinaryPossible)} (${(modelNotices(pool, best) * 100).toFixed(1)}%) | ${by} |`);
      if (args.includes("--sweep")) printSweep(sweep, pool);
      if (args.includes("--misses")) {
        pool.forEach((p, i) => {
          const want = expectedLevel(p.message);
          const got = best.got[i]!;
          if (got.level !== want) console.log(`  ${p.source} ${p.message.id} want ${want} got ${got.level} (${got.rule}) [${p.message.category}] ${p.message.message.replace(/\s+/g, " ").slice(0, 110)}`);
        });
      }
    }
  }
}

const pct = (r: { hits: number; total: number; rate: number }) => `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.total})`;
const short = (r: { rate: number; total: number }) => (r.total === 0 ? "–" : `${(r.rate * 100).toFixed(1)}`);
const brief = (f: RiskFigures) => `${short(f.crisisSeen)} · ${short(f.clearAsClear)} · ${short(f.ordinaryClear)} · ${short(f.ordinaryPossible)}`;

function printSweep(sweep: readonly SweepPoint[], pool: readonly PoolItem[]): void {
  const rate = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  console.log("\ndetectors possible clear cat.  floor | crisis seen | clear→clear | possible→clear | ordinary→clear (lookalikes / everyday) | ordinary→notice (by the model) | cost");
  for (const s of sweep) console.log(`${s.detectors.padEnd(14)} ${s.possible.toFixed(2)}     ${s.clear.toFixed(2)}  ${s.clearCategory === null ? "  –  " : s.clearCategory.toFixed(2) + " "} ${s.detectorFloor.toFixed(2)}  | ${short(s.pooled.crisisSeen).padStart(5)}%     | ${short(s.pooled.clearAsClear).padStart(5)}%     | ${short(s.pooled.possibleAsClear).padStart(5)}%        | ${rate(ordinaryClearRate(pool, s, (x) => !isEverydaySource(x)))} / ${rate(ordinaryClearRate(pool, s, isEverydaySource))}  | ${short(s.pooled.ordinaryPossible).padStart(5)}% (${(modelNotices(pool, s) * 100).toFixed(1)}%) | ${shortfallCost(s).toFixed(3)}${withinBudget(pool, s) ? "" : "  (over budget)"}`);
}

function printWeights(variant: { risk: Head; clear: Head }): void {
  for (const [name, head] of [["risk", variant.risk], ["clear", variant.clear]] as const) {
    const top = Object.entries(head.sparse).sort((a, b) => b[1] - a[1]);
    console.log(`\n${name} head (bias ${head.bias}): most weight toward risk`);
    console.log(top.slice(0, 30).map(([k, w]) => `${k} ${w.toFixed(2)}`).join(", "));
    console.log(`most weight against:`);
    console.log(top.slice(-15).map(([k, w]) => `${k} ${w.toFixed(2)}`).join(", "));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
