/**
 * Deterministic training of the risk model's heads (`npm run train:risk`):
 * seeded stochastic gradient descent on the log loss with L2 decay, for the
 * two binary heads and the softmax category head.
 */
import { createHash } from "node:crypto";
import type { FeatureGroups, SparseFeatures } from "./risk-features.js";
import { categoryGroups, selectFeatures } from "./risk-features.js";
import type { CategoryHead, Head, RiskModelFile, RiskVariant } from "./risk-model.js";
import { seededRandom } from "../seeded-random.js";

export interface TrainingExample {
  /** The text scored (for a follow-up: the previous user turn, a line break, the message). */
  text: string;
  /** 1 = any risk, 0 = ordinary. */
  risk: 0 | 1;
  /** 1 = clear, 0 = not clear, null = unknown level (not used by the clear head). */
  clear: 0 | 1 | null;
  /** Taxonomy category of a risk example, when known. */
  category: string | null;
  /** Where it came from ("tuning", "taxonomy", "fixture:crisis.txt"…), for counts only. */
  source: string;
  weight: number;
}

export interface RiskTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Sparse weights closer to zero than this are dropped. */
  prune: number;
  vectorScale: number;
  /** The L2 decay of single-word features (`w:`) is `l2` times this: words are many and each says little. */
  wordL2: number;
  /** A single word's weight toward risk is at most this (projected SGD): no one word makes a message a crisis. null: no cap. */
  wordCap: number | null;
}

export const DEFAULT_RISK_TRAINING: RiskTrainOptions = { epochs: 40, learningRate: 0.1, l2: 1e-3, seed: 20261204, prune: 0.01, vectorScale: 8, wordL2: 1, wordCap: null };


function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const sortedEntries = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

interface Row {
  f: SparseFeatures;
  v: number[] | null;
  y: number;
  w: number;
}

export function trainBinaryHead(rows: readonly Row[], dims: number, options: RiskTrainOptions): Head {
  const random = seededRandom(options.seed);
  const sparse = new Map<string, number>();
  const dense = dims > 0 ? new Array<number>(dims).fill(0) : null;
  let bias = 0;
  const decay = 1 - options.learningRate * options.l2;
  const wordDecay = 1 - options.learningRate * options.l2 * options.wordL2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / (1 + epoch * 0.05);
    for (const { f, v, y, w } of shuffled(rows, random)) {
      let z = bias;
      for (const [k, x] of f) z += (sparse.get(k) ?? 0) * x;
      if (dense && v) for (let i = 0; i < dims; i++) z += dense[i]! * v[i]!;
      const g = (1 / (1 + Math.exp(-z)) - y) * w;
      bias -= rate * g;
      for (const [k, x] of f) {
        const word = k.startsWith("w:");
        const next = (sparse.get(k) ?? 0) * (word ? wordDecay : decay) - rate * g * x;
        sparse.set(k, word && options.wordCap !== null ? Math.min(next, options.wordCap) : next);
      }
      if (dense && v) for (let i = 0; i < dims; i++) dense[i] = dense[i]! * decay - rate * g * v[i]!;
    }
  }
  const kept = sortedEntries(sparse).filter(([, w]) => Math.abs(w) >= options.prune);
  return { bias: round(bias), sparse: Object.fromEntries(kept.map(([k, w]) => [k, round(w)])), ...(dense ? { dense: dense.map(round) } : {}) };
}

export function trainCategoryHead(rows: ReadonlyArray<Omit<Row, "y"> & { y: number }>, classes: readonly string[], dims: number, options: RiskTrainOptions): CategoryHead {
  const random = seededRandom(options.seed + 1);
  const K = classes.length;
  const sparse = new Map<string, number[]>();
  const dense = dims > 0 ? classes.map(() => new Array<number>(dims).fill(0)) : null;
  const bias = new Array<number>(K).fill(0);
  const decay = 1 - options.learningRate * options.l2;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.learningRate / (1 + epoch * 0.05);
    for (const { f, v, y, w } of shuffled(rows, random)) {
      const logits = bias.map((b, k) => {
        let z = b;
        for (const [name, x] of f) z += (sparse.get(name)?.[k] ?? 0) * x;
        if (dense && v) for (let i = 0; i < dims; i++) z += dense[k]![i]! * v[i]!;
        return z;
      });
      const max = Math.max(...logits);
      const exp = logits.map((z) => Math.exp(z - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      for (let k = 0; k < K; k++) {
        const g = (exp[k]! / sum - (k === y ? 1 : 0)) * w;
        bias[k] = bias[k]! - rate * g;
        for (const [name, x] of f) {
          const ws = sparse.get(name) ?? new Array<number>(K).fill(0);
          ws[k] = ws[k]! * decay - rate * g * x;
          sparse.set(name, ws);
        }
        if (dense && v) {
          const d = dense[k]!;
          for (let i = 0; i < dims; i++) d[i] = d[i]! * decay - rate * g * v[i]!;
        }
      }
    }
  }
  const kept = sortedEntries(sparse).filter(([, ws]) => ws.some((w) => Math.abs(w) >= options.prune));
  return {
    classes: [...classes],
    bias: bias.map(round),
    sparse: Object.fromEntries(kept.map(([k, ws]) => [k, ws.map(round)])),
    ...(dense ? { dense: dense.map((d) => d.map(round)) } : {}),
  };
}

export interface PreparedExample {
  example: TrainingExample;
  features: SparseFeatures;
  /** Scaled encoder vector, or null. */
  vector: number[] | null;
}

/** What a variant is: which feature groups, with or without the encoder vector, and how its clear head is trained. */
export interface VariantSpec {
  groups: FeatureGroups;
  vector: boolean;
  clearMode: RiskVariant["clear_mode"];
}

/** Trains one variant on prepared examples. */
export function trainVariant(prepared: readonly PreparedExample[], spec: VariantSpec, categories: readonly string[], options: RiskTrainOptions): RiskVariant {
  const { groups, vector: useVector, clearMode } = spec;
  const dims = useVector ? (prepared.find((p) => p.vector)?.vector?.length ?? 0) : 0;
  const row = (p: PreparedExample, y: number) => ({ f: selectFeatures(p.features, groups), v: useVector ? p.vector : null, y, w: p.example.weight });
  const risk = trainBinaryHead(prepared.map((p) => row(p, p.example.risk)), dims, options);
  // given_risk: the clear head learns how severe a risk is, from risk examples only; the risk head alone tells risk from ordinary.
  const clearRows = prepared.filter((p) => p.example.clear !== null && (clearMode === "joint" || p.example.risk === 1));
  const clear = trainBinaryHead(clearRows.map((p) => row(p, p.example.clear!)), dims, options);
  // The category head reads cues and framing (not every word): it only names the category, and stays small.
  const catGroups = categoryGroups(groups);
  const categoryRows = prepared
    .filter((p) => p.example.category && categories.includes(p.example.category))
    .map((p) => ({ f: selectFeatures(p.features, catGroups), v: useVector ? p.vector : null, y: categories.indexOf(p.example.category!), w: p.example.weight }));
  const category = trainCategoryHead(categoryRows, categories, dims, options);
  return { groups: { ...groups }, vector: useVector, clear_mode: clearMode, risk, clear, category };
}

/** A fingerprint of what the model was trained on (texts, labels, weights, options): not the vectors, which vary in the last bits across machines. */
export function trainingHash(examples: readonly TrainingExample[], options: RiskTrainOptions, extra: unknown = null): string {
  return createHash("sha256").update(JSON.stringify({ examples, options, extra })).digest("hex");
}

export function trainedOnCounts(examples: readonly TrainingExample[]): RiskModelFile["trainedOn"] {
  const counts: Record<string, number> = {};
  for (const e of examples) counts[e.source] = (counts[e.source] ?? 0) + 1;
  counts.risk = examples.filter((e) => e.risk === 1).length;
  counts.ordinary = examples.filter((e) => e.risk === 0).length;
  counts.clear = examples.filter((e) => e.clear === 1).length;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}
