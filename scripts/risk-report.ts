/**
 * `npm run risk:report`: the crisis safety net's figures, with 95% Wilson
 * intervals, for each labelled set and each variant:
 *   (a) today's detectors (phrase rules, concept combos, stem classifier, fuzzy) — emergency = clear
 *   (b) encoder-only: logistic heads over the USE-lite vector alone (trained here, thresholds 0.5)
 *   (c) lexical fallback (no vector: what the Workers build runs), committed model and thresholds
 *   (d) combined: vector + words + cues + today's detectors, committed model and thresholds
 *   (e) the product: `assessRisk` (src/route/risk.ts), which runs (c) with the conversation
 *       floor, today's detectors (never silenced) and `decline` categories raised to clear
 * Sets: the blind tuning half (in-sample for b–d), the blind held-out half
 * (never trained or tuned on), and the earlier held-out lines (no levels).
 */
import path from "node:path";
import { createUseLiteEmbeddings } from "../src/embed/use-lite.js";
import { loadSafetyRules } from "../src/route/rules.js";
import { EMPTY_TOPIC } from "../src/route/topic.js";
import { routeMessage } from "../src/route/router.js";
import { sanitizeInput } from "../src/route/normalize.js";
import { assessRisk } from "../src/route/risk.js";
import { loadRiskTaxonomy, type RiskLevel } from "../src/route/risk-taxonomy.js";
import { loadRiskModel, type RiskModel } from "../src/route/risk-model.js";
import { BLIND_DIR, BLIND_HELDOUT, BLIND_TUNING, expectedLevel, readEarlierHeldout, readLabelledMessages, riskTrainingExamples } from "../src/route/risk-data.js";
import { cachedAnalyze, cachedEmbed, conversationLevels, prepareExamples, REPORT_VARIANTS } from "../src/route/risk-experiment.js";
import { formatRate, riskFigures, type Outcome } from "../src/route/risk-eval.js";
import { DEFAULT_RISK_TRAINING, trainVariant } from "../src/route/risk-training.js";

const root = path.resolve(import.meta.dirname, "..");
const safetyDir = path.join(root, "corpus/defaults/safety");
const fixtures = path.join(root, "test/fixtures/safety");

interface Item {
  message: string;
  history?: Array<{ role: "user" | "assistant"; content: string }>;
  expected: Outcome["expected"];
}

async function main(): Promise<void> {
  const rules = loadSafetyRules(safetyDir, EMPTY_TOPIC);
  const taxonomy = loadRiskTaxonomy(safetyDir);
  const committed = loadRiskModel(safetyDir, rules);
  const encoder = createUseLiteEmbeddings();
  const embed = cachedEmbed((texts) => encoder.embeddings.embedDocuments(texts));
  const analyze = cachedAnalyze(taxonomy, rules);

  const labelled = (name: string): Item[] => readLabelledMessages(path.join(fixtures, BLIND_DIR, name)).map((m) => ({ message: m.message, history: m.history, expected: expectedLevel(m) }));
  const sets: Record<string, Item[]> = {
    "blind tuning half (in-sample for b–d)": labelled(BLIND_TUNING),
    "blind held-out half": labelled(BLIND_HELDOUT),
    "earlier held-out (heldout-*.txt; no levels)": readEarlierHeldout(fixtures).map((m) => ({ message: m.message, expected: m.label === "crisis" ? "crisis" : "none" })),
  };

  // (b): the vector alone, trained here on the same examples.
  const options = DEFAULT_RISK_TRAINING;
  const examples = riskTrainingExamples(fixtures, taxonomy);
  const prepared = await prepareExamples(examples, analyze, embed, options.vectorScale);
  const spec = REPORT_VARIANTS["encoder-only"]!;
  const encoderOnly: RiskModel = {
    ...committed,
    file: { ...committed.file, variants: { ...committed.file.variants, vector: trainVariant(prepared, spec.groups, true, taxonomy.categories.map((c) => c.id), options) } },
    thresholds: { ...committed.thresholds, vector: { possible: 0.5, clear: 0.5 } },
  };

  const variants: Record<string, (items: Item[]) => Promise<RiskLevel[]>> = {
    "(a) today's detectors": async (items) => items.map((m) => (routeMessage(sanitizeInput(m.message), rules).kind === "emergency" ? "clear" : "none")),
    "(b) encoder-only LR": (items) => conversationLevels(items, encoderOnly, analyze, embed),
    "(c) lexical fallback (Workers)": (items) => conversationLevels(items, committed, analyze, null),
    "(d) combined (Node)": (items) => conversationLevels(items, committed, analyze, embed),
    "(e) product: assessRisk (lexical, Node = Workers)": async (items) => items.map((m) => assessRisk(sanitizeInput(m.message), m.history ?? [], rules).level),
  };

  for (const [setName, items] of Object.entries(sets)) {
    const crisis = items.filter((i) => i.expected !== "none").length;
    console.log(`\n## ${setName}: ${crisis} crisis, ${items.length - crisis} ordinary`);
    console.log("| variant | crisis sees the crisis line (target 100%) | clear → clear (≥ 90%) | ordinary → clear (≤ 1%) | ordinary → possible (≤ 5%) |");
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
