import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBm25 } from "../../../src/index/bm25.js";
import { prepareCorpus } from "../../../src/index/corpus.js";
import { createRetriever, type Retriever } from "../../../src/retrieve/hybrid.js";
import { compileLexicon } from "../../../src/retrieve/lexicon.js";
import { stem } from "../../../src/retrieve/terms.js";
import type { Chunk } from "../../../src/types.js";
import { writeMadeUpCorpus } from "../../helpers/made-up-corpus.js";

const ARTICLES = [
  {
    id: "team",
    title: "Our team",
    body: "## Who leads the team?\n\nDr Don Okafor leads the rehabilitation team and trains every new therapist.",
  },
  {
    id: "recovery",
    title: "Recovery",
    body:
      "## When will I feel better?\n\nMost patients feel better within two weeks of starting the exercises.\n\n" +
      "## Is swelling normal?\n\nSome swelling around the joint is normal for a few days.\n\n" +
      "## What is the duration of soreness?\n\nSoreness usually lasts a day or two; the duration varies from person to person.",
  },
];

let chunks: Chunk[];
const lexicon = compileLexicon({ entries: [{ patient: ["since"], articles: ["duration"] }] });

function retrieverWith(boosts: Record<string, number>): Retriever {
  const source = { chunksById: new Map(chunks.map((c) => [c.id, c])), bm25: buildBm25(chunks), vectors: null };
  return createRetriever(source, null, lexicon, undefined, () => new Map(Object.entries(boosts)));
}

beforeAll(async () => {
  const dir = await writeMadeUpCorpus(ARTICLES);
  chunks = (await prepareCorpus({ articlesDir: path.join(dir, "articles"), promotionalFiles: [] })).chunks;
});

describe("lexical retrieval", () => {
  it("reads a contraction as one word: \"don't\" never matches a passage by the name Don", async () => {
    const { passages } = await retrieverWith({}).retrieve("why don't I feel better?");
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.map((p) => p.chunk.articleId)).not.toContain("team");
  });

  it("matches every form of a short word on one stem (dried, dry, drying)", () => {
    expect(new Set(["dry", "dried", "drying", "dries"].map(stem))).toEqual(new Set([stem("dry")]));
    expect(new Set(["die", "died", "dying", "dies"].map(stem))).toEqual(new Set([stem("die")]));
  });

  it("weighs a lexicon translation by the word that triggered it", async () => {
    // "since" is framing here (boost 0.05): its translation "duration" must not outrank the topic word.
    const { passages } = await retrieverWith({ [stem("since")]: 0.05, [stem("swelling")]: 0.3 }).retrieve("since the op, any swelling?");
    expect(passages[0]!.chunk.section).toBe("Is swelling normal?");
    // The same translation, triggered by a word that carries the question, still finds its passage.
    const topical = await retrieverWith({ [stem("since")]: 1, [stem("swelling")]: 0.05 }).retrieve("since the op, any swelling?");
    expect(topical.passages[0]!.chunk.section).toBe("What is the duration of soreness?");
  });
});
