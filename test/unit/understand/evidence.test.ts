import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../../src/understand/analyze.js";
import { buildCorpusStats } from "../../../src/understand/corpus-stats.js";
import { answerabilityFeatures, assessAnswerability, coverageOf, FEATURE_NAMES } from "../../../src/retrieve/evidence.js";
import { trainAnswerability, type TrainingExample } from "../../../src/retrieve/answerability-train.js";
import { compileLexicon, matchLexicon } from "../../../src/retrieve/lexicon.js";
import { stem } from "../../../src/retrieve/terms.js";
import type { Chunk } from "../../../src/types.js";
import { TINY_CHUNKS } from "./tiny-corpus.js";

const stats = buildCorpusStats(TINY_CHUNKS);
const lexicon = compileLexicon({ entries: [{ patient: ["gum infection"], articles: ["gum disease"] }] });
const analyze = (q: string) => analyzeQuestion(q, { stats, expansions: matchLexicon(q, lexicon) });
const byId = (id: string) => TINY_CHUNKS.find((c) => c.id === id)!;
const ranked = (...chunks: Chunk[]) => chunks.map((chunk, i) => ({ chunk, bm25: 10 - i }));

describe("answerability features", () => {
  it("judge a two-part question over the union of the top passages", () => {
    const a = analyze("How long does whitening take, and how many visits do implants need?");
    const whitening = TINY_CHUNKS[0]!;
    const implantVisits = TINY_CHUNKS[4]!;
    const f = answerabilityFeatures(a, ranked(whitening, implantVisits));
    expect(f.coverUnion).toBeGreaterThan(f.coverBest);
    expect(f.partMin).toBeGreaterThan(0.5);
    const onlyOne = answerabilityFeatures(a, ranked(whitening, TINY_CHUNKS[6]!));
    expect(onlyOne.partMin).toBeLessThan(f.partMin);
  });

  it("notice the asked-for answer type in the passages", () => {
    const a = analyze("How long does whitening take?");
    expect(answerabilityFeatures(a, ranked(TINY_CHUNKS[0]!)).typeFound).toBe(1);
    expect(answerabilityFeatures(a, ranked(TINY_CHUNKS[2]!)).typeFound).toBe(0);
  });

  it("measure how much of the question is about things the articles never mention", () => {
    const off = answerabilityFeatures(analyze("Does my insurance cover implants?"), ranked(TINY_CHUNKS[3]!));
    const on = answerabilityFeatures(analyze("What is a dental implant?"), ranked(TINY_CHUNKS[3]!));
    expect(off.offCorpus).toBeGreaterThan(0.2);
    expect(on.offCorpus).toBe(0);
  });

  it("count a multi-word translation only when the whole phrase is present", () => {
    const a = analyze("can a gum infection spread?");
    const infection = a.terms.find((t) => t.stem === stem("infection"))!;
    expect(coverageOf([infection], new Set([stem("gum"), stem("disease")]))).toBeGreaterThan(0);
    expect(coverageOf([infection], new Set([stem("disease")]))).toBe(0);
  });

  it("discount a passage's coverage by the share of the question the articles never mention", () => {
    const implant = byId(TINY_CHUNKS[3]!.id);
    const on = answerabilityFeatures(analyze("What is a dental implant?"), ranked(implant));
    const off = answerabilityFeatures(analyze("Does my insurance cover a dental implant?"), ranked(implant));
    expect(on.onCorpusCover).toBeCloseTo(on.coverBest);
    expect(off.onCorpusCover).toBeLessThan(off.coverBest);
    expect(off.onCorpusCover).toBeCloseTo(off.coverBest * (1 - off.offCorpus));
  });

  it("count the article title as evidence", () => {
    const a = analyze("are dental implants painful?");
    const chunk = { ...byId(TINY_CHUNKS[5]!.id) };
    expect(answerabilityFeatures(a, ranked(chunk)).heading).toBeGreaterThan(0);
  });
});

describe("learned answerability", () => {
  const examples: TrainingExample[] = [];
  const covered = ["How long does whitening take?", "How many visits do implants need?", "how often should I get a cleaning?", "why do my gums bleed?", "what is a dental implant?", "does whitening work on crowns?"];
  const uncovered = ["does insurance pay for whitening?", "where do I park for my implant visit?", "can I bring my dog to a cleaning?", "what is the price of implants?"];
  const retrieve = (q: string) => {
    const a = analyze(q);
    const keys = new Set(a.terms.map((t) => t.stem));
    return TINY_CHUNKS.map((chunk) => ({ chunk, bm25: [...keys].filter((k) => chunk.text.toLowerCase().includes(k)).length }))
      .sort((x, y) => y.bm25 - x.bm25 || x.chunk.id.localeCompare(y.chunk.id));
  };
  for (const q of covered) examples.push({ features: answerabilityFeatures(analyze(q), retrieve(q)), answerable: true });
  for (const q of uncovered) examples.push({ features: answerabilityFeatures(analyze(q), retrieve(q)), answerable: false });

  it("trains deterministically", () => {
    expect(trainAnswerability(examples, {})).toEqual(trainAnswerability(examples, {}));
  });

  it("separates covered from uncovered questions it was trained on, and weighs every feature", () => {
    const model = trainAnswerability(examples, { tiny: examples.length });
    expect(Object.keys(model.weights)).toEqual([...FEATURE_NAMES]);
    const decide = (q: string) => assessAnswerability(analyze(q), retrieve(q), model).covered;
    const right = [...covered.map((q) => decide(q) === true), ...uncovered.map((q) => decide(q) === false)].filter(Boolean).length;
    expect(right).toBeGreaterThanOrEqual(covered.length + uncovered.length - 1);
    // Off-corpus nouns count against an answer.
    expect(model.weights.offCorpus).toBeLessThan(0);
  });

  it("never answers a question made only of framing words", () => {
    const verdict = assessAnswerability(analyze("hi, just wondering, can you tell me?"), ranked(TINY_CHUNKS[0]!));
    expect(verdict.covered).toBe(false);
  });
});
