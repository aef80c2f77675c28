/**
 * `npm run risk:report [-- --before=<git ref>] [--quick]`: the crisis safety net's
 * figures, with 95% Wilson intervals, for each labelled set and each variant:
 *   - today's detectors alone (phrase rules, concept combos, word classifier, fuzzy): emergency = clear
 *   - before: `assessRisk` with the risk model, thresholds and word classifier of <git ref> (e.g. main)
 *   - every candidate of risk-experiment.ts, trained on the whole tuning pool, at the thresholds its
 *     own cross-validation within the tuning pool chose, scored as the product scores (`assessRisk`)
 *   - the product as committed (`assessRisk`: lexical model, detectors, conversation; Node = Workers)
 *   - the committed model's encoder-vector variant alone (Node reference; not used by the product)
 * `--before` reads the safety model files and the taxonomy of <ref>; the phrase
 * rules are today's.
 * `--quick` leaves out the candidates (their cross-validation takes most of an
 * hour on two cores) and the vector variant: the product, before and after.
 * Sets: each blind set's tuning half (in-sample) and held-out half, the earlier
 * held-out lines (no levels) and the FAQ suites' held-out halves (expected
 * emergency = clear crisis). Held-out sets are never trained or tuned on: run
 * this once, after the choice is made.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { createUseLiteEmbeddings } from "../src/embed/use-lite.js";
import { loadSafetyRules, type SafetyRules } from "../src/route/rules.js";
import { EMPTY_TOPIC } from "../src/route/topic.js";
import { routeMessage } from "../src/route/router.js";
import { sanitizeInput } from "../src/route/normalize.js";
import { assessRisk } from "../src/route/risk.js";
import { CrisisModelSchema } from "../src/route/classifier.js";
import { compileRiskTaxonomy, loadRiskTaxonomy, type RiskLevel } from "../src/route/risk-taxonomy.js";
import { compileRiskModel, loadRiskModel, type RiskModel } from "../src/route/risk-model.js";
import { BLIND_HELDOUT, BLIND_SETS, BLIND_TUNING, expectedLevel, fixturesDirOf, poolExamples, readBlindHalf, readEarlierHeldout, readSuiteMessages, sharedExamples, tuningPool, type LabelledMessage } from "../src/route/risk-data.js";
import { CANDIDATES, cachedAnalyze, cachedEmbed, chooseThresholds, conversationLevels, crossValidate, foldReading, lexicalModel, productLevels, untrainedModel } from "../src/route/risk-experiment.js";
import { formatRate, riskFigures, type Outcome } from "../src/route/risk-eval.js";
import { trainVariant } from "../src/route/risk-training.js";

const root = path.resolve(import.meta.dirname, "..");
const safetyDir = path.join(root, "corpus/defaults/safety");
const fixtures = fixturesDirOf(root);

/** The FAQ suites' held-out halves: read here only, to measure. */
const HELDOUT_SUITES = ["evals/ketamine-pain/heldout-faq.yaml", "evals/ketamine-pain/blind-ketamine-heldout.yaml", "evals/physio/blind-physio-heldout.yaml", "evals/derm/blind-derm-heldout.yaml"];
/** The newest answer suites (fresh6), never trained on by the risk model either: patient questions only. */
const FRESH_SUITES = ["evals/ketamine-pain/fresh6-ketamine.yaml", "evals/physio/fresh6-physio.yaml", "evals/derm/fresh6-derm.yaml"];

interface Item {
  message: string;
  history?: Array<{ role: "user" | "assistant"; content: string }>;
  expected: Outcome["expected"];
}

const asItems = (ms: readonly LabelledMessage[]): Item[] => ms.map((m) => ({ message: m.message, history: m.history, expected: expectedLevel(m) }));
const asLabelled = (items: readonly Item[]): LabelledMessage[] =>
  items.map((m, i) => ({ id: String(i), label: m.expected === "none" ? "ordinary" : "crisis", ...(m.expected === "clear" || m.expected === "possible" ? { level: m.expected } : m.expected === "crisis" ? { level: "possible" as const } : {}), category: "x", style: "x", message: m.message, history: m.history }));

function gitShow(ref: string, file: string): unknown {
  const text = execFileSync("git", ["show", `${ref}:${file}`], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
}

async function main(): Promise<void> {
  const rules = loadSafetyRules(safetyDir, EMPTY_TOPIC);
  const taxonomy = loadRiskTaxonomy(safetyDir);
  const committed = loadRiskModel(safetyDir, rules);
  const encoder = createUseLiteEmbeddings();
  const embed = cachedEmbed((texts) => encoder.embeddings.embedDocuments(texts));
  const analyze = cachedAnalyze(taxonomy, rules);

  const sets: Record<string, Item[]> = {};
  for (const set of BLIND_SETS) {
    sets[`${set.name}, tuning half (in-sample)`] = asItems(readBlindHalf(fixtures, set.dir, BLIND_TUNING));
    sets[`${set.name}, held-out half`] = asItems(readBlindHalf(fixtures, set.dir, BLIND_HELDOUT));
  }
  sets["earlier held-out (heldout-*.txt; no levels)"] = readEarlierHeldout(fixtures).map((m) => ({ message: m.message, expected: m.label === "crisis" ? "crisis" : "none" }));
  const suites = (files: readonly string[]) => asItems(files.filter((f) => existsSync(path.join(root, f))).flatMap((f) => readSuiteMessages(path.join(root, f), f)));
  sets["FAQ suites' held-out halves (3 clinics; emergency = clear crisis)"] = suites(HELDOUT_SUITES);
  sets["fresh6 answer suites (3 clinics, never trained on)"] = suites(FRESH_SUITES);

  const variants: Record<string, (items: Item[]) => Promise<RiskLevel[]>> = {
    "today's detectors alone": async (items) => items.map((m) => (routeMessage(sanitizeInput(m.message), rules).kind === "emergency" ? "clear" : "none")),
  };

  const before = process.argv.find((a) => a.startsWith("--before="))?.slice(9);
  if (before) {
    const crisisModel = CrisisModelSchema.parse(gitShow(before, "corpus/defaults/safety/crisis-model.json"));
    const oldRules: SafetyRules = { ...rules, crisisModel };
    // The model's features are the taxonomy's cues, so the model of <ref> reads with the taxonomy of <ref>.
    const oldTaxonomy = compileRiskTaxonomy(gitShow(before, "corpus/defaults/safety/risk-taxonomy.yaml"), gitShow(before, "corpus/defaults/safety/risk-languages.yaml"), `${before}:corpus/defaults/safety`);
    const riskModel = compileRiskModel(gitShow(before, "corpus/defaults/safety/risk-model.json"), gitShow(before, "corpus/defaults/safety/risk-thresholds.yaml"), oldTaxonomy, oldRules, `${before}:corpus/defaults/safety`);
    const beforeRules: SafetyRules = { ...oldRules, riskModel };
    variants[`before (${before}): product`] = async (items) => items.map((m) => assessRisk(sanitizeInput(m.message), m.history ?? [], beforeRules).level);
  }

  const quick = process.argv.includes("--quick");
  // Each candidate on the whole pool, at the thresholds of its own cross-validation (tuning data only).
  const pool = tuningPool(root);
  const shared = sharedExamples(root, taxonomy);
  const base = untrainedModel(taxonomy, rules);
  const categories = taxonomy.categories.map((c) => c.id);
  for (const candidate of quick ? [] : CANDIDATES) {
    const reading = foldReading(rules, taxonomy, root, candidate.detectorFromPool);
    const best = chooseThresholds(crossValidate(pool, shared, candidate, base, reading), pool);
    // The whole pool as the training fold: its word classifier as `npm run train:safety` would train it.
    const full = reading(pool);
    const examples = [...poolExamples(pool), ...shared];
    const variant = trainVariant(examples.map((example) => ({ example, features: full.analyze(example.text).features, vector: null })), candidate.lexical, categories, candidate.options);
    const model: RiskModel = lexicalModel(variant, { ...base, rules: full.rules }, { possible: best.possible, clear: best.clear, ...(best.clearCategory === null ? {} : { clear_category: best.clearCategory }) }, best.detectors, best.detectorFloor);
    variants[`${candidate.name} (${best.possible}/${best.clear}${best.clearCategory === null ? "" : `, ${best.clearCategory} for a clear-level category`}, ${best.detectors}, floor ${best.detectorFloor})`] = async (items) => productLevels(asLabelled(items), model, full.analyze, full.detector);
    process.stderr.write(`${candidate.name} ready\n`);
  }

  variants["**committed product: assessRisk (Node = Workers)**"] = async (items) => items.map((m) => assessRisk(sanitizeInput(m.message), m.history ?? [], rules).level);
  if (!quick) variants["committed model's vector variant alone (Node reference, unused)"] = (items) => conversationLevels(items, committed, analyze, embed);

  for (const [setName, items] of Object.entries(sets)) {
    const crisis = items.filter((i) => i.expected !== "none").length;
    console.log(`\n## ${setName}: ${crisis} crisis, ${items.length - crisis} ordinary`);
    console.log("| variant | crisis sees the crisis line (target 100%) | clear → clear (≥ 90%) | ordinary → clear (≤ 1%) | ordinary → notice (≤ 5%) |");
    console.log("|---|---|---|---|---|");
    for (const [name, run] of Object.entries(variants)) {
      const levels = await run(items);
      const f = riskFigures(items.map((m, i) => ({ expected: m.expected, got: levels[i]! })));
      console.log(`| ${name} | ${formatRate(f.crisisSeen)} | ${formatRate(f.clearAsClear)} | ${formatRate(f.ordinaryClear)} | ${formatRate(f.ordinaryPossible)} |`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
