/**
 * Hybrid retrieval: BM25 with lay-term expansion is the backbone; the dense
 * (hnswlib) signal is fused in with a weight chosen from the eval suite
 * (see README, "Retrieval evidence").
 */
import type MiniSearch from "minisearch";
import type { IdentifiedEmbeddings } from "../embed/types.js";
import type { Bm25Doc } from "../index/bm25.js";
import type { Chunk } from "../types.js";
import { expandQuery, matchLexicon, type Expansion, type Lexicon } from "./lexicon.js";
import { contentTerms } from "./terms.js";
import type { VectorSearch } from "./vectors.js";

export type FusionMode = "bm25" | "dense" | "linear" | "rrf";

export interface RetrievalOptions {
  fusion: FusionMode;
  /** Weight of the dense score in linear fusion (0 = BM25 only). */
  denseWeight: number;
  /** Boost of lexicon-expansion terms relative to the patient's own words. */
  expansionBoost: number;
  /** Candidates taken from each retriever before fusion. */
  candidates: number;
  /** Passages returned. */
  topK: number;
}

/**
 * BM25 + lexicon by default: on both eval suites, fusing the USE-lite dense
 * score in (linear 0.2, RRF) never ranked better and cost 6x the latency
 * (README, "Retrieval evidence"). The dense index is still built, for
 * RETRIEVAL_FUSION=linear|dense and stronger embedders (EMBEDDER=openai).
 */
export const DEFAULT_RETRIEVAL: RetrievalOptions = { fusion: "bm25", denseWeight: 0.2, expansionBoost: 0.5, candidates: 20, topK: 10 };

export interface ScoredChunk {
  chunk: Chunk;
  score: number;
  bm25: number;
  dense: number;
}

export interface RetrievalResult {
  passages: ScoredChunk[];
  /** Stems of the patient's content words. */
  queryTerms: string[];
  /** Stems added by the lexicon. */
  expansionTerms: string[];
}

/** What retrieval reads: the same on Node (on-disk index) and Workers (bundled edge index). */
export interface RetrievalSource {
  chunksById: ReadonlyMap<string, Chunk>;
  bm25: MiniSearch<Bm25Doc>;
  /** Null when no dense index can be queried (then every mode ranks by BM25 alone). */
  vectors: VectorSearch | null;
}

/** How much each of the question's own stems should count in ranking (from question analysis); unlisted stems count 1. */
export type TermBoosts = (question: string) => ReadonlyMap<string, number>;

/** Per-question options: the tunables, plus words carried over from earlier turns. */
export type RetrieveOptions = Partial<RetrievalOptions> & {
  /**
   * Words a follow-up carries over from earlier turns (the patient's earlier
   * topic, the previous answer's topic): searched like lexicon expansions,
   * below the follow-up's own words, even when they also appear in the
   * question text, so "does that wear off?" ranks by "wear off" within that topic.
   */
  context?: readonly string[];
};

export interface Retriever {
  retrieve(question: string, options?: RetrieveOptions): Promise<RetrievalResult>;
}

function normalizeScores(values: Map<string, number>): Map<string, number> {
  const max = Math.max(0, ...values.values());
  const min = Math.min(...values.values());
  const out = new Map<string, number>();
  for (const [k, v] of values) out.set(k, max > min ? (v - min) / (max - min) : max > 0 ? 1 : 0);
  return out;
}

export function createRetriever(
  index: RetrievalSource,
  embedder: IdentifiedEmbeddings | null,
  lexicon: Lexicon,
  defaults: RetrievalOptions = DEFAULT_RETRIEVAL,
  boosts: TermBoosts = () => new Map(),
): Retriever {

  function lexical(question: string, matched: readonly Expansion[], expansion: string[], carried: ReadonlySet<string>, options: RetrievalOptions): Map<string, number> {
    const own = new Set(contentTerms(question));
    const weights = boosts(question);
    const ownBoost = (term: string) => weights.get(term) ?? (weights.size > 0 ? 0.3 : 1);
    // A lexicon translation counts as much as the words that triggered it: "last" in "since last
    // year" is framing, so its translations (duration, lasting) must not outweigh the topic.
    const translated = new Map<string, number>();
    for (const e of matched) {
      const triggers = e.triggers.filter((t) => own.has(t));
      const boost = options.expansionBoost * (triggers.length > 0 ? Math.max(...triggers.map(ownBoost)) : 1);
      for (const t of e.terms) translated.set(t, Math.max(translated.get(t) ?? 0, boost));
    }
    const boostTerm = (term: string): number => {
      if (carried.has(term)) return options.expansionBoost;
      if (own.has(term)) return ownBoost(term);
      return translated.get(term) ?? options.expansionBoost;
    };
    const query = [question, ...expansion].join(" ");
    const hits = index.bm25.search(query, { boostTerm, combineWith: "OR" });
    return new Map(hits.slice(0, options.candidates).map((h) => [String(h.id), h.score]));
  }

  async function dense(question: string, options: RetrievalOptions): Promise<Map<string, number>> {
    if (!index.vectors || !embedder || index.vectors.size === 0) return new Map();
    const vector = await embedder.embeddings.embedQuery(question);
    return new Map(index.vectors.search(vector, options.candidates).map((hit) => [hit.chunkId, hit.similarity]));
  }

  return {
    async retrieve(question, { context = [], ...overrides } = {}) {
      const options = { ...defaults, ...overrides };
      const queryTerms = contentTerms(question);
      const own = new Set(queryTerms);
      const carried = new Set(contentTerms(context.join(" ")));
      const matched = matchLexicon(question, lexicon);
      const expansionTerms = [...new Set([...expandQuery(question, lexicon, matched), ...carried])].filter((t) => !own.has(t));
      const denseAvailable = Boolean(index.vectors && embedder);
      // Without vectors (Workers with no embedding API) every mode degrades to BM25, never to nothing.
      if (!denseAvailable) options.fusion = "bm25";
      const useDense = options.fusion === "dense" || options.fusion === "rrf" || (options.fusion === "linear" && options.denseWeight > 0);
      const lex = options.fusion === "dense" ? new Map<string, number>() : lexical(question, matched, expansionTerms, carried, options);
      const vec = useDense ? await dense(question, options) : new Map<string, number>();

      const ids = new Set([...lex.keys(), ...vec.keys()]);
      const fused = new Map<string, number>();
      if (options.fusion === "rrf") {
        const rank = (m: Map<string, number>) => new Map([...m.entries()].sort((a, b) => b[1] - a[1]).map(([id], i) => [id, i + 1]));
        const lr = rank(lex);
        const vr = rank(vec);
        for (const id of ids) fused.set(id, (lr.has(id) ? 1 / (60 + lr.get(id)!) : 0) + (vr.has(id) ? 1 / (60 + vr.get(id)!) : 0));
      } else {
        const ln = normalizeScores(lex);
        const vn = normalizeScores(vec);
        const w = options.fusion === "bm25" ? 0 : options.fusion === "dense" ? 1 : options.denseWeight;
        for (const id of ids) fused.set(id, (1 - w) * (ln.get(id) ?? 0) + w * (vn.get(id) ?? 0));
      }
      const passages = [...fused.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, options.topK)
        .map(([id, score]) => ({ chunk: index.chunksById.get(id)!, score, bm25: lex.get(id) ?? 0, dense: vec.get(id) ?? 0 }))
        .filter((p) => p.chunk && !p.chunk.promotional);
      return { passages, queryTerms, expansionTerms };
    },
  };
}
