/**
 * `npm run train:risk`: retrains the crisis risk model
 * (corpus/defaults/safety/risk-model.json) from the blind tuning half, the non-held-out
 * safety fixtures and the taxonomy's examples, embedding every text with the
 * local encoder. Deterministic; a test fails when the committed model is out
 * of date with its training data.
 *
 * `--cv` also prints a 5-fold cross-validated threshold sweep over the tuning
 * half (each fold scored by a model that never saw it): the table that
 * chose the values in corpus/defaults/safety/risk-thresholds.yaml.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createUseLiteEmbeddings } from "../src/embed/use-lite.js";
import { loadSafetyRules } from "../src/route/rules.js";
import { EMPTY_TOPIC } from "../src/route/topic.js";
import { loadRiskTaxonomy } from "../src/route/risk-taxonomy.js";
import { loadRiskModel, RISK_MODEL_FILE, riskCandidates, compileRiskModel, type RiskModelFile } from "../src/route/risk-model.js";
import { BLIND_DIR, BLIND_TUNING, examplesFromLabelled, fixtureExamples, readLabelledMessages, riskTrainingExamples, taxonomyExamples, expectedLevel } from "../src/route/risk-data.js";
import { cachedAnalyze, cachedEmbed, levelAt, prepareExamples, rawScores, trainModelFile, type RawScores } from "../src/route/risk-experiment.js";
import { riskFigures, formatRate } from "../src/route/risk-eval.js";
import { DEFAULT_RISK_TRAINING } from "../src/route/risk-training.js";

const root = path.resolve(import.meta.dirname, "..");
const safetyDir = path.join(root, "corpus/defaults/safety");
const fixtures = path.join(root, "test/fixtures/safety");

async function main(): Promise<void> {
  const rules = loadSafetyRules(safetyDir, EMPTY_TOPIC);
  const taxonomy = loadRiskTaxonomy(safetyDir);
  const encoder = createUseLiteEmbeddings();
  const embed = cachedEmbed((texts) => encoder.embeddings.embedDocuments(texts));
  const analyze = cachedAnalyze(taxonomy, rules);
  const options = DEFAULT_RISK_TRAINING;
  const info = { id: encoder.id, dimensions: encoder.dimensions };

  const examples = riskTrainingExamples(fixtures, taxonomy);
  const prepared = await prepareExamples(examples, analyze, embed, options.vectorScale);
  const file = trainModelFile(prepared, examples, taxonomy, options, info);
  const out = path.join(safetyDir, RISK_MODEL_FILE);
  await writeFile(out, `${JSON.stringify(file)}\n`);
  console.log(`${path.relative(root, out)}: ${JSON.stringify(file.trainedOn)}`);

  if (process.argv.includes("--cv")) await crossValidate(file, taxonomy, rules, analyze, embed, options, info);
}

async function crossValidate(
  committed: RiskModelFile,
  taxonomy: ReturnType<typeof loadRiskTaxonomy>,
  rules: ReturnType<typeof loadSafetyRules>,
  analyze: ReturnType<typeof cachedAnalyze>,
  embed: ReturnType<typeof cachedEmbed>,
  options: typeof DEFAULT_RISK_TRAINING,
  info: { id: string; dimensions: number },
): Promise<void> {
  const tuning = readLabelledMessages(path.join(fixtures, BLIND_DIR, BLIND_TUNING));
  const shared = [...taxonomyExamples(taxonomy), ...fixtureExamples(fixtures)];
  const thresholds = loadRiskModel(safetyDir, rules).thresholds;
  const raw: Record<"vector" | "lexical", RawScores[]> = { vector: [], lexical: [] };
  const K = 5;
  for (let k = 0; k < K; k++) {
    const train = [...tuning.filter((_, i) => i % K !== k).flatMap((m) => examplesFromLabelled(m)), ...shared];
    const prepared = await prepareExamples(train, analyze, embed, options.vectorScale);
    const model = compileRiskModel(trainModelFile(prepared, train, taxonomy, options, info), thresholds, taxonomy, rules, safetyDir);
    for (let i = k; i < tuning.length; i += K) {
      const m = tuning[i]!;
      const texts = riskCandidates(m.message, m.history ?? []);
      const vectors = await embed(texts);
      raw.vector[i] = rawScores(texts, vectors, model, "vector", analyze);
      raw.lexical[i] = rawScores(texts, vectors, model, "lexical", analyze);
    }
    process.stdout.write(`fold ${k + 1}/${K} `);
  }
  console.log(`\n5-fold cross-validation over ${tuning.length} tuning messages (committed model: ${committed.dataHash.slice(0, 12)})`);
  for (const which of ["vector", "lexical"] as const) {
    console.log(`\n${which}: possible clear | crisis seen | clear→clear | ordinary→clear | ordinary→possible`);
    for (const possible of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
      for (const clear of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
        const f = riskFigures(tuning.map((m, i) => ({ expected: expectedLevel(m), got: levelAt(raw[which][i]!, { possible, clear }) })));
        const p = (r: { rate: number }) => `${(r.rate * 100).toFixed(1)}%`.padStart(6);
        console.log(`${which} ${possible.toFixed(2)} ${clear.toFixed(2)} | ${p(f.crisisSeen)} | ${p(f.clearAsClear)} | ${p(f.ordinaryClear)} | ${p(f.ordinaryPossible)}`);
      }
    }
    const f = riskFigures(tuning.map((m, i) => ({ expected: expectedLevel(m), got: levelAt(raw[which][i]!, thresholds[which]) })));
    if (process.argv.includes("--misses")) {
      tuning.forEach((m, i) => {
        const got = levelAt(raw[which][i]!, thresholds[which]);
        if (got !== expectedLevel(m)) console.log(`  ${which} ${m.id} want ${expectedLevel(m)} got ${got} r=${raw[which][i]!.risk.toFixed(2)} c=${raw[which][i]!.clear.toFixed(2)} [${m.category}/${m.style}] ${m.message.slice(0, 90)}`);
      });
    }
    console.log(`${which} at the committed thresholds ${JSON.stringify(thresholds[which])}: seen ${formatRate(f.crisisSeen)}; clear ${formatRate(f.clearAsClear)}; ord→clear ${formatRate(f.ordinaryClear)}; ord→possible ${formatRate(f.ordinaryPossible)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
