/**
 * Training data for the answerability model: every answer / no_answer case of
 * the TUNING suites of each clinic corpus (never a held-out half), run through
 * the real pipeline (BM25 + lexicon + question analysis, no network) to read
 * the answerability signals it computes. Shared by `npm run train:answers` and
 * the test that keeps the committed model in sync.
 */
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { loadSuite } from "../src/eval/suite.js";
import { buildBm25 } from "../src/index/bm25.js";
import { prepareCorpus } from "../src/index/corpus.js";
import { createLogger } from "../src/logger.js";
import { assemblePipeline } from "../src/pipeline.js";
import type { TrainingExample } from "../src/retrieve/answerability-train.js";
import { FEATURE_NAMES, type Features } from "../src/retrieve/evidence.js";
import type { AnswerabilityModel } from "../src/retrieve/answerability-model.js";
import { loadLexicon } from "../src/retrieve/lexicon.js";
import { loadClinicSafetyRules } from "../src/route/index.js";
import { compileTopic } from "../src/route/topic.js";
import { deriveCorpusTopic } from "../src/index/build.js";
import { clinicFiles } from "../src/clinic-files.js";

function neutralModel(): AnswerabilityModel {
  const zero = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as AnswerabilityModel["weights"];
  const unit = Object.fromEntries(FEATURE_NAMES.map((f) => [f, { mean: 0, std: 1 }])) as AnswerabilityModel["scale"];
  return { kind: "logistic-regression/answerability", features: [...FEATURE_NAMES], weights: zero, bias: 0, scale: unit, threshold: 0.5, trainedOn: { answerable: 0, uncovered: 0, sources: {} } };
}

export const ROOT = path.resolve(import.meta.dirname, "..");

/** Corpus folder → its tuning suites. Held-out halves are deliberately absent. */
export const TRAINING_SETS: Array<{ corpus: string; suites: string[] }> = [
  { corpus: "corpus/ketamine-pain", suites: ["evals/ketamine-pain/blind-ketamine-tuning.yaml", "evals/ketamine-pain/clinic-faq.yaml", "evals/ketamine-pain/regressions.yaml"] },
  { corpus: "corpus/physio", suites: ["evals/physio/blind-physio-tuning.yaml"] },
  { corpus: "corpus/derm", suites: ["evals/derm/blind-derm-tuning.yaml"] },
];

export async function loadTrainingExamples(root = ROOT): Promise<{ examples: TrainingExample[]; sources: Record<string, number> }> {
  const examples: TrainingExample[] = [];
  const sources: Record<string, number> = {};
  const { existsSync } = await import("node:fs");
  for (const set of TRAINING_SETS) {
    const suites = set.suites.filter((s) => existsSync(path.join(root, s)));
    if (suites.length === 0) continue;
    const corpusDir = path.join(root, set.corpus);
    const config = loadConfig({ CLINIC_DIR: corpusDir, ANSWERER: "extractive", LOG_LEVEL: "silent" }, root);
    const files = clinicFiles(config.paths);
    const corpus = await prepareCorpus({ articlesDir: config.paths.articlesDir, promotionalFiles: files.promotional });
    const indexed = corpus.chunks.filter((c) => !c.promotional);
    const { assistant } = assemblePipeline({
      config,
      logger: createLogger("silent"),
      chunks: corpus.chunks,
      source: { chunksById: new Map(corpus.chunks.map((c) => [c.id, c])), bm25: buildBm25(indexed), vectors: null },
      embedder: null,
      lexicon: await loadLexicon(files.lexicon),
      // Routing as the server does it: the clinic's rules with the topic of its articles.
      safety: loadClinicSafetyRules(files.safety, compileTopic(await deriveCorpusTopic(corpus.chunks))),
      crisisRulesFile: path.join(files.safety.defaults, "crisis.yaml"),
      // Only the signals are read here: a neutral model, so a stale committed one cannot get in the way.
      answerability: neutralModel(),
      // No English dictionary here, unlike the server: typo repair may turn a real word the corpus
      // lacks into a corpus word ("faster" → "foster"), so these signals can differ from serving.
      // Training with the dictionary was measured on the tuning suites (2026-12-05): at the 10%
      // bound it answered three more uncovered questions wrongly, at 5% it lost four helpful answers.
    });
    for (const file of suites) {
      const suite = await loadSuite(path.join(root, file));
      let used = 0;
      for (const c of suite.cases) {
        const type = c.expect.type;
        if ((type !== "answer" && type !== "no_answer") || (c.history?.length ?? 0) > 0) continue;
        const { trace } = await assistant.respond({ message: c.question }, "training");
        // Questions the safety router sends elsewhere never reach answerability.
        if (!trace.features) continue;
        examples.push({ features: trace.features as Features, answerable: type === "answer" });
        used++;
      }
      sources[file] = used;
    }
  }
  return { examples, sources };
}
