/**
 * Nearest-neighbour search over chunk vectors, behind one small interface so
 * the retriever does not care where vectors live: hnswlib-node on Node, a
 * brute-force scan over bundled vectors on Cloudflare Workers (no native addons).
 */
import type { VectorIndex } from "../index/store.js";

export interface VectorHit {
  chunkId: string;
  /** Cosine similarity, higher is closer. */
  similarity: number;
}

export interface VectorSearch {
  readonly size: number;
  search(vector: number[], k: number): VectorHit[];
}

/** hnswlib (cosine space): label i is `labels[i]`. */
export function hnswVectorSearch(index: VectorIndex, labels: readonly string[]): VectorSearch {
  return {
    get size() {
      return index.getCurrentCount();
    },
    search(vector, k) {
      const { neighbors, distances } = index.searchKnn(vector, Math.min(k, index.getCurrentCount()));
      return neighbors.map((label, i) => ({ chunkId: labels[label]!, similarity: 1 - distances[i]! }));
    },
  };
}

/** Exact cosine search; at a clinic corpus's size (hundreds of chunks) a scan takes well under a millisecond. */
export function bruteForceVectorSearch(entries: ReadonlyArray<{ chunkId: string; vector: readonly number[] }>): VectorSearch {
  const unit = entries.map((e) => ({ chunkId: e.chunkId, vector: normalize(e.vector) }));
  return {
    size: unit.length,
    search(vector, k) {
      const q = normalize(vector);
      return unit
        .map((e) => ({ chunkId: e.chunkId, similarity: dot(q, e.vector) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, k);
    },
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * (b[i] ?? 0);
  return sum;
}

function normalize(v: readonly number[]): Float64Array {
  const norm = Math.hypot(...v) || 1;
  return Float64Array.from(v, (x) => x / norm);
}
