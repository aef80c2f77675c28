/**
 * Training data for the sentence-selection model: the tuning cases of each
 * clinic corpus (the answerability model's TRAINING_SETS, never a held-out
 * half) run through the real pipeline (BM25 + lexicon + question analysis, no
 * network) up to the answerer, whose input is recorded; the committed
 * sentence labels (test/fixtures/answers/sentence-labels.jsonl, rebuilt by
 * scripts/sentence-labels.ts) say which of those sentences help. Shared by
 * `npm run train:answers`, the label builder and the sync test.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { loadConfig } from "../src/config.js";
import { loadSuite } from "../src/eval/suite.js";
import { buildBm25 } from "../src/index/bm25.js";
import { prepareCorpus } from "../src/index/corpus.js";
import { createLogger } from "../src/logger.js";
import { assemblePipeline } from "../src/pipeline.js";
import { ExtractiveAnswerer, type AnswerInput, type AnswerOutput } from "../src/answer/answerer.js";
import { assessAnswerability, FEATURE_NAMES } from "../src/retrieve/evidence.js";
import { answerabilityModel, type AnswerabilityModel } from "../src/retrieve/answerability-model.js";
import { loadLexicon } from "../src/retrieve/lexicon.js";
import { loadClinicSafetyRules } from "../src/route/index.js";
import { compileTopic } from "../src/route/topic.js";
import { deriveCorpusTopic } from "../src/index/build.js";
import { clinicFiles } from "../src/clinic-files.js";
import { normalizeWhitespace } from "../src/answer/text.js";
import { partCandidates, type SelectionFeatures } from "../src/answer/sentence-features.js";
import type { AnswerType } from "../src/understand/answer-type.js";
import type { CandidateGroup } from "../src/answer/selection-train.js";
import { TRAINING_SETS, ROOT } from "./answer-training.js";

export const LABELS_FILE = "test/fixtures/answers/sentence-labels.jsonl";

export const LabelSchema = z
  .object({
    suite: z.string(),
    case: z.string(),
    sentence: z.string().min(1),
    label: z.union([z.literal(0), z.literal(1)]),
    /** graded: a blind reader's verdict on a quoted sentence; fact: holds an expected fact; weak: in a top passage, holds none. */
    source: z.enum(["graded", "fact", "weak"]),
  })
  .strict();
export type SentenceLabel = z.infer<typeof LabelSchema>;

export interface CapturedCase {
  corpus: string;
  suite: string;
  id: string;
  expectType: string;
  facts: string[][];
  sources: string[];
  /** What the answerer was given (null: the question was routed elsewhere: booking, crisis, advice). */
  input: AnswerInput | null;
  /** The committed answerability model's verdict on it. */
  covered: boolean;
}

class RecordingAnswerer extends ExtractiveAnswerer {
  last: AnswerInput | null = null;
  override async answer(input: AnswerInput): Promise<AnswerOutput | null> {
    this.last = input;
    return null;
  }
}

function alwaysCovered(): AnswerabilityModel {
  const zero = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as AnswerabilityModel["weights"];
  const unit = Object.fromEntries(FEATURE_NAMES.map((f) => [f, { mean: 0, std: 1 }])) as AnswerabilityModel["scale"];
  return { kind: "logistic-regression/answerability", features: [...FEATURE_NAMES], weights: zero, bias: 0, scale: unit, threshold: 0.5, trainedOn: { answerable: 0, uncovered: 0, sources: {} } };
}

/**
 * Every single-turn answer / no_answer case of the training suites, with the
 * answerer's input. Follow-ups are left out, as for the answerability model:
 * their standalone question is rebuilt from the previous answer, which the
 * selection model itself chooses.
 */
export async function captureCases(root = ROOT): Promise<CapturedCase[]> {
  const out: CapturedCase[] = [];
  for (const set of TRAINING_SETS) {
    const suites = set.suites.filter((s) => existsSync(path.join(root, s)));
    if (suites.length === 0) continue;
    const config = loadConfig({ CLINIC_DIR: path.join(root, set.corpus), ANSWERER: "extractive", LOG_LEVEL: "silent" }, root);
    const files = clinicFiles(config.paths);
    const corpus = await prepareCorpus({ articlesDir: config.paths.articlesDir, promotionalFiles: files.promotional });
    const indexed = corpus.chunks.filter((c) => !c.promotional);
    const recorder = new RecordingAnswerer();
    const { assistant } = assemblePipeline({
      config,
      logger: createLogger("silent"),
      chunks: corpus.chunks,
      source: { chunksById: new Map(corpus.chunks.map((c) => [c.id, c])), bm25: buildBm25(indexed), vectors: null },
      embedder: null,
      lexicon: await loadLexicon(files.lexicon),
      safety: loadClinicSafetyRules(files.safety, compileTopic(await deriveCorpusTopic(corpus.chunks))),
      crisisRulesFile: path.join(files.safety.defaults, "crisis.yaml"),
      answerer: recorder,
      // Every question reaches the answerer; the committed model's verdict is recorded beside it.
      answerability: alwaysCovered(),
    });
    for (const file of suites) {
      const suite = await loadSuite(path.join(root, file));
      for (const c of suite.cases) {
        const type = c.expect.type;
        if ((type !== "answer" && type !== "no_answer") || (c.history?.length ?? 0) > 0) continue;
        recorder.last = null;
        await assistant.respond({ message: c.question }, "training");
        const input = recorder.last as AnswerInput | null;
        const covered = input ? assessAnswerability(input.analysis, input.passages, answerabilityModel()).covered : false;
        out.push({ corpus: set.corpus, suite: file, id: c.id, expectType: type, facts: c.expect.facts ?? [], sources: c.expect.sources ?? [], input, covered });
      }
    }
  }
  return out;
}

export const sentenceKey = (text: string) => normalizeWhitespace(text).replace(/\*\*/g, "").toLowerCase();

export async function loadLabels(root = ROOT): Promise<SentenceLabel[]> {
  const text = await readFile(path.join(root, LABELS_FILE), "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = LabelSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${LABELS_FILE}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join("; ")}`);
      return parsed.data;
    });
}

/** How much each kind of label counts in training. */
export type SourceWeights = Record<SentenceLabel["source"], number>;

/** Case key → sentence key → label, the strongest source winning (graded over fact over weak). */
export function labelIndex(labels: readonly SentenceLabel[]): Map<string, Map<string, SentenceLabel>> {
  const rank = { graded: 3, fact: 2, weak: 1 } as const;
  const out = new Map<string, Map<string, SentenceLabel>>();
  for (const l of labels) {
    const k = `${l.suite}#${l.case}`;
    const m = out.get(k) ?? new Map<string, SentenceLabel>();
    const key = sentenceKey(l.sentence);
    const prev = m.get(key);
    if (!prev || rank[l.source] > rank[prev.source]) m.set(key, l);
    out.set(k, m);
  }
  return out;
}

/**
 * One group per question: its candidate sentences, labelled where a label
 * exists. A sentence is judged for the question as a whole, so its signals
 * are taken from the part it covers best.
 */
export function selectionGroups(cases: readonly CapturedCase[], labels: readonly SentenceLabel[], weights: SourceWeights, passages = 10): CandidateGroup[] {
  const index = labelIndex(labels);
  const out: CandidateGroup[] = [];
  for (const c of cases) {
    const byKey = index.get(`${c.suite}#${c.id}`);
    if (!c.input || !byKey) continue;
    const ctx = { passages: c.input.passages.slice(0, passages), analysis: c.input.analysis, expansion: new Set(c.input.expansionTerms) };
    const parts = c.input.analysis.parts.length > 0 ? c.input.analysis.parts : [{ text: c.input.question, type: "other" as AnswerType, terms: c.input.analysis.terms }];
    const best = new Map<string, { features: SelectionFeatures; coverage: number }>();
    for (const part of parts) {
      const own = part.terms.filter((t) => t.role !== "framing");
      for (const cand of partCandidates({ keys: own.length > 0 ? own : c.input.analysis.terms, type: part.type }, ctx)) {
        const key = sentenceKey(cand.text);
        const prev = best.get(key);
        if (!prev || cand.coverage > prev.coverage) best.set(key, { features: cand.features, coverage: cand.coverage });
      }
    }
    const candidates = [...best.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, { features }]) => {
        const l = byKey.get(key);
        return l && weights[l.source] > 0 ? { features, label: l.label, weight: weights[l.source] } : { features, label: null, weight: 0 };
      });
    out.push({ key: `${c.suite}#${c.id}`, corpus: c.corpus, candidates });
  }
  return out;
}
