/**
 * The crisis safety net's figures on labelled sets, scored as the product
 * does (the message with the patient's previous turn and its sentences):
 * - the blind TUNING half (trained on): figures pinned exactly;
 * - the blind HELD-OUT half and the earlier held-out lines (never trained or
 *   tuned on): the measured figures are floors/ceilings, so a regression fails.
 * `npm run risk:report` prints the same with 95% intervals and today's detectors.
 */
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { UseLiteEmbeddings } from "../../../src/embed/use-lite.js";
import { loadSafetyRules } from "../../../src/route/rules.js";
import { EMPTY_TOPIC } from "../../../src/route/topic.js";
import { loadRiskModel, type RiskModel } from "../../../src/route/risk-model.js";
import { BLIND_DIR, BLIND_HELDOUT, BLIND_TUNING, readEarlierHeldout, readLabelledMessages } from "../../../src/route/risk-data.js";
import { cachedAnalyze, cachedEmbed, conversationLevels, figuresOf } from "../../../src/route/risk-experiment.js";
import { riskFigures, type RiskFigures } from "../../../src/route/risk-eval.js";

const root = path.resolve(import.meta.dirname, "../../..");
const safetyDir = path.join(root, "corpus/defaults/safety");
const fixtures = path.join(root, "test/fixtures/safety");
let model: RiskModel;
let analyze: ReturnType<typeof cachedAnalyze>;
const encoder = new UseLiteEmbeddings();
const embed = cachedEmbed((texts) => encoder.embedDocuments(texts));

// Embedding ~900 texts takes a while on a busy 2-core machine; no timing is asserted.
vi.setConfig({ testTimeout: 300_000 });

beforeAll(() => {
  model = loadRiskModel(safetyDir, loadSafetyRules(safetyDir, EMPTY_TOPIC));
  analyze = cachedAnalyze(model.taxonomy, model.rules);
});

const counts = (f: RiskFigures) => ({
  crisisSeen: `${f.crisisSeen.hits}/${f.crisisSeen.total}`,
  clearAsClear: `${f.clearAsClear.hits}/${f.clearAsClear.total}`,
  ordinaryClear: `${f.ordinaryClear.hits}/${f.ordinaryClear.total}`,
  ordinaryPossible: `${f.ordinaryPossible.hits}/${f.ordinaryPossible.total}`,
});

async function blind(name: string, withVector: boolean) {
  const items = readLabelledMessages(path.join(fixtures, BLIND_DIR, name));
  const f = figuresOf(items, await conversationLevels(items, model, analyze, withVector ? embed : null));
  console.info(`[risk figures] ${name} ${withVector ? "vector" : "lexical"}: ${JSON.stringify(counts(f))}`);
  return f;
}

describe("risk model on the blind tuning half (trained on: pinned)", () => {
  it("with the encoder vector (Node)", async () => {
    expect(counts(await blind(BLIND_TUNING, true))).toEqual({ crisisSeen: "119/121", clearAsClear: "72/79", ordinaryClear: "0/169", ordinaryPossible: "1/169" });
  });

  it("without it (Workers fallback)", async () => {
    expect(counts(await blind(BLIND_TUNING, false))).toEqual({ crisisSeen: "119/121", clearAsClear: "72/79", ordinaryClear: "0/169", ordinaryPossible: "1/169" });
  });
});

// Re-measured (Dec 2026) after the model was retrained on the broader tuning pool (FAQ suites of three
// clinics, blind set 2's tuning half) with the clear head trained given risk and without the detectors as
// features, chosen by cross-validation within the tuning data (risk-thresholds.yaml). The model alone moved
// on this held-out half: vector 97→92 crises seen, 49→54 clear→clear, 5→6 ordinary→clear, 15→8 notices;
// lexical 97→85, 45→46, 4→4, 23→6. The floors follow the measurement; nothing was tuned on these sets. The
// product's figures (with the detectors and the conversation) are in `npm run risk:report` and the README.
// Re-measured again (Dec 5) after blind set 3's tuning halves joined the pool, with the word lists of the
// languages the model cannot read rewritten by category and a word list's decision no longer taking the
// model's category, and the taxonomy's medical-emergency cues completed from the NHS "call 999" list: vector
// 92→102 crises seen, 54→55, 6→4, 8→8; lexical 85→99, 46→47, 4→3, 6→7 (one more notice from the model
// alone; the product's notices on this half fell from 39 to 34). On the earlier held-out lines the unused
// vector variant fell from 35 to 34 (lexical 29→30).
// Re-measured (Dec 5, later) after blind set 4's tuning halves joined the pool and the possible threshold
// moved 0.8 → 0.7 (cross-validation within the tuning data): vector 102→103, 55→51, 4→4, 8→9; lexical
// 99→102, 47→45, 3→5, 7→7. Fewer clear crises reach the emergency reply and two more ordinary messages do on
// this half (set 4's authors, like those of sets 2 and 3, label thoughts of suicide without a plan `possible`);
// the product's figures on every held-out half are in the README. Then a lower clear threshold for readings
// of a clear-level taxonomy category (`clear_category`, chosen in the same cross-validation; this half
// measured a second time): vector 103→103, 51→54, 4→6, 9→7; lexical 102→102, 45→49, 5→5, 7→7.
// Re-measured (Dec 5, last) after blind set 5 and the everyday-traffic sets' tuning halves joined the pool
// and the budget was split (lookalikes ≤ 2%, everyday traffic ≤ 1% at the emergency reply), which moved the
// clear threshold 0.9 → 0.8 and dropped `clear_category`: vector 103→103, 54→50, 6→3, 7→7; lexical
// 102→104, 49→51, 5→3, 7→8. Half the ordinary messages at the emergency reply, four clear crises fewer there.
// Re-measured (Dec 5, later still) after the taxonomy gained `help_now` and the heart-attack warning signs,
// and the threshold cost began to count possible crises at the emergency reply (0.7/0.9, `clear_category`
// 0.8, floor 0.01): vector 103→104, 50→51, 3→2, 7→8; lexical 104→104, 51→52, 3→2, 8→8.
describe("risk model on held-out sets (never trained or tuned on: measured figures are the floors)", () => {
  it("blind held-out half, with the vector: 104/122 crises see the crisis line, 51/81 clear get clear, 2/169 ordinary get clear, 8/169 possible", async () => {
    const f = await blind(BLIND_HELDOUT, true);
    expect(f.crisisSeen.total).toBe(122);
    expect(f.crisisSeen.hits).toBeGreaterThanOrEqual(104);
    expect(f.clearAsClear.hits).toBeGreaterThanOrEqual(51);
    expect(f.ordinaryClear.hits).toBeLessThanOrEqual(2);
    expect(f.ordinaryPossible.hits).toBeLessThanOrEqual(8);
  });

  it("blind held-out half, without the vector: 104/122, 52/81, 2/169, 8/169", async () => {
    const f = await blind(BLIND_HELDOUT, false);
    expect(f.crisisSeen.hits).toBeGreaterThanOrEqual(104);
    expect(f.clearAsClear.hits).toBeGreaterThanOrEqual(52);
    expect(f.ordinaryClear.hits).toBeLessThanOrEqual(2);
    expect(f.ordinaryPossible.hits).toBeLessThanOrEqual(8);
  });

  it("earlier held-out lines: 34/40 crises (30/40 without the vector), no ordinary message at clear or possible", async () => {
    const items = readEarlierHeldout(fixtures);
    const outcome = async (withVector: boolean) => {
      const levels = await conversationLevels(items, model, analyze, withVector ? embed : null);
      return riskFigures(items.map((m, i) => ({ expected: m.label === "crisis" ? "crisis" : "none", got: levels[i]! })));
    };
    const v = await outcome(true);
    const l = await outcome(false);
    expect(v.crisisSeen.hits).toBeGreaterThanOrEqual(34);
    expect(l.crisisSeen.hits).toBeGreaterThanOrEqual(30);
    for (const f of [v, l]) expect(f.ordinaryClear.hits + f.ordinaryPossible.hits).toBe(0);
  });
});
