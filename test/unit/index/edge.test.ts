/**
 * The portable edge index: written from the real corpus and index, it must
 * rank exactly like the Node index, and a damaged one must be refused with
 * the fix named.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicFiles } from "../../../src/clinic-files.js";
import { loadConfig, type Config } from "../../../src/config.js";
import { createEmbedder } from "../../../src/embed/index.js";
import type { IdentifiedEmbeddings } from "../../../src/embed/types.js";
import { buildIndex } from "../../../src/index/build.js";
import { loadEdgeIndex, type EdgeIndex } from "../../../src/index/edge.js";
import { writeEdgeIndex } from "../../../src/index/edge-build.js";
import { IndexError } from "../../../src/index/manifest.js";
import { loadIndex } from "../../../src/index/store.js";
import { createRetriever } from "../../../src/retrieve/hybrid.js";
import { loadLexicon } from "../../../src/retrieve/lexicon.js";
import { hnswVectorSearch } from "../../../src/retrieve/vectors.js";
import { assessRisk, sanitizeInput } from "../../../src/route/index.js";
import { corpusPaths } from "../../../src/runtime.js";
import { clinicRules, EXAMPLE_CLINIC_DIR } from "../../helpers/rules.js";

const QUESTIONS = [
  "How long does a ketamine session last?",
  "will it make me throw up?",
  "How many sessions will I need?",
  "What are the side effects?",
  "Can I drive home afterwards?",
  "Is ketamine addictive?",
  "What does the infusion feel like?",
  "Who is a good candidate for ketamine therapy?",
];

/** Deterministic bag-of-letters vectors under a remote-looking id: the Worker may carry vectors only for embedders it can call. */
class LetterEmbeddings extends Embeddings {
  constructor() {
    super({});
  }
  private embed(text: string): number[] {
    const v = new Array<number>(26).fill(0);
    for (const ch of text.toLowerCase()) if (ch >= "a" && ch <= "z") v[ch.charCodeAt(0) - 97]! += 1;
    return v;
  }
  async embedDocuments(texts: string[]) {
    return texts.map((t) => this.embed(t));
  }
  async embedQuery(text: string) {
    return this.embed(text);
  }
}
const remoteEmbedder: IdentifiedEmbeddings = { id: "openai:letters-test", dimensions: 26, embeddings: new LetterEmbeddings() };

async function setUp(embedder: IdentifiedEmbeddings) {
  const dir = await mkdtemp(path.join(tmpdir(), "faq-edge-"));
  const config: Config = loadConfig({ PATH: process.env.PATH, DATA_DIR: dir, INDEX_DIR: path.join(dir, "index") });
  await buildIndex({ ...corpusPaths(config), indexDir: config.paths.indexDir, embedder });
  const summary = await writeEdgeIndex(config, { embedderId: embedder.id, dimensions: embedder.dimensions });
  const raw = JSON.parse(await readFile(summary.file, "utf8")) as EdgeIndex;
  return { dir, config, summary, raw };
}

describe("edge index (local embedder: BM25 only)", () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  const local = createEmbedder({ embedder: { kind: "local", threads: 1 }, openai: { apiKey: null, baseUrl: null, chatModel: "", timeoutMs: 1000, dailyRequestCap: 0 } });
  beforeAll(async () => {
    env = await setUp(local);
  });
  afterAll(async () => {
    await rm(env.dir, { recursive: true, force: true });
  });

  it("carries the chunks, lexicon, safety rules and clinic config, but no vectors the Worker could not query", () => {
    expect(env.summary.vectors).toBe(false);
    expect(env.raw.vectors).toBeNull();
    expect(env.raw.articles).toHaveLength(5);
    const loaded = loadEdgeIndex(env.raw);
    expect(loaded.clinic).toEqual(env.config.clinic);
    expect(loaded.safety.crisis.length).toBeGreaterThan(10);
    expect(loaded.lexicon.entries.length).toBeGreaterThan(10);
  });

  it("carries the corpus topic the Node index derived, so the Worker routes alike", async () => {
    const node = await loadIndex(env.config.paths.indexDir, { embedderId: local.id, dimensions: local.dimensions });
    const edge = loadEdgeIndex(env.raw);
    expect(env.raw.topic).toEqual(node.topicData);
    expect([...edge.safety.topic.keyTerms].sort()).toEqual([...node.topic.keyTerms].sort());
    expect(edge.safety.topic.keyTerms.has("ketamin")).toBe(true);
  });

  it("ranks passages exactly like the Node index", async () => {
    const node = await loadIndex(env.config.paths.indexDir, { embedderId: local.id, dimensions: local.dimensions });
    const lexicon = await loadLexicon(clinicFiles(env.config.paths).lexicon);
    const edge = loadEdgeIndex(env.raw);
    const onNode = createRetriever({ chunksById: node.chunksById, bm25: node.bm25, vectors: null }, null, lexicon);
    const onEdge = createRetriever({ chunksById: edge.chunksById, bm25: edge.bm25, vectors: edge.vectors }, null, edge.lexicon);
    for (const q of QUESTIONS) {
      const a = await onNode.retrieve(q);
      const b = await onEdge.retrieve(q);
      expect(b.passages.map((p) => [p.chunk.id, p.score.toFixed(6)]), q).toEqual(a.passages.map((p) => [p.chunk.id, p.score.toFixed(6)]));
      expect(a.passages.length, q).toBeGreaterThan(0);
    }
  });

  it("is refused with the fix named when it is from another version or inconsistent", () => {
    const attempts: unknown[] = [
      { ...env.raw, schemaVersion: 99 },
      { ...env.raw, chunks: "not chunks" },
      { ...env.raw, vectors: { embedderId: "openai:x", dimensions: 2, entries: [{ chunkId: "no-such-chunk", vector: [1, 0] }] } },
      null,
    ];
    for (const raw of attempts) {
      let error: unknown;
      try {
        loadEdgeIndex(raw);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(IndexError);
      expect((error as IndexError).fix).toMatch(/npm run index/);
    }
  });

  it("names the rule file when a bundled safety rule is broken", () => {
    const broken = { ...env.raw, safety: { ...env.raw.safety, "crisis.yaml": { rules: [{ id: "crisis.bad", pattern: "(" }] } } };
    expect(() => loadEdgeIndex(broken)).toThrow(/crisis\.yaml: rules\.0 \(crisis\.bad\)/);
  });

  it("carries the risk model, so the Worker grades crisis risk exactly like the Node server", () => {
    const edge = loadEdgeIndex(env.raw);
    const node = clinicRules(EXAMPLE_CLINIC_DIR, edge.safety.topic);
    const disclosure = [{ role: "user" as const, content: "I have been thinking about ending my life" }];
    const cases: Array<[string, typeof disclosure]> = [
      ["I took all my pills an hour ago", []],
      ["I want to end my life", []],
      ["how many of my pills would be a lethal dose?", []],
      ["Quero me matar", []],
      ["is suicide risk a side effect of ketamine?", []],
      ["How long does a session last?", []],
      ["yes, tonight", disclosure],
      ["what side effects can ketamine cause?", disclosure],
    ];
    const levels = cases.map(([m, h]) => assessRisk(sanitizeInput(m), h, edge.safety));
    expect(levels).toEqual(cases.map(([m, h]) => assessRisk(sanitizeInput(m), h, node)));
    expect(new Set(levels.map((l) => l.level))).toEqual(new Set(["none", "possible", "clear"]));
  });

  it("names the risk model file when the bundled one is broken", () => {
    const broken = { ...env.raw, safety: { ...env.raw.safety, "risk-thresholds.yaml": { lexical: { possible: 2, clear: 0.5 } } } };
    expect(() => loadEdgeIndex(broken)).toThrow(/risk-thresholds\.yaml/);
  });
});

describe("edge index (remote embedder: with vectors)", () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    env = await setUp(remoteEmbedder);
  });
  afterAll(async () => {
    await rm(env.dir, { recursive: true, force: true });
  });

  it("bundles every searchable chunk's vector, and brute force finds what hnswlib finds", async () => {
    expect(env.summary.vectors).toBe(true);
    const edge = loadEdgeIndex(env.raw);
    const node = await loadIndex(env.config.paths.indexDir, { embedderId: remoteEmbedder.id, dimensions: remoteEmbedder.dimensions });
    expect(env.raw.vectors!.entries).toHaveLength(node.manifest.indexedChunkCount);
    const hnsw = hnswVectorSearch(node.vectors, node.store.vectorLabels);
    for (const q of QUESTIONS) {
      const v = await remoteEmbedder.embeddings.embedQuery(q);
      const exact = edge.vectors!.search(v, 5);
      const approx = hnsw.search(v, 5);
      expect(exact[0]!.chunkId, q).toBe(approx[0]!.chunkId);
      expect(exact[0]!.similarity).toBeCloseTo(approx[0]!.similarity, 4);
    }
  });
});
