/**
 * What the learned sentence selection does on a small made-up clinic corpus
 * (test/fixtures/answers/corpus: none of its sentences is in the training
 * labels): the sentence that answers is quoted, its neighbours about
 * something else are not, and a two-part question gets a sentence per part.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selectSentences } from "../../../src/answer/extractive.js";
import { buildBm25 } from "../../../src/index/bm25.js";
import { chunkCorpus } from "../../../src/index/corpus.js";
import { approvedArticles, loadArticles } from "../../../src/ingest/load-articles.js";
import { loadPromoPatterns } from "../../../src/ingest/promotional.js";
import { createRetriever, DEFAULT_RETRIEVAL, type Retriever } from "../../../src/retrieve/hybrid.js";
import { compileLexicon } from "../../../src/retrieve/lexicon.js";
import { createUnderstanding, type Understanding } from "../../../src/understand/index.js";

let retriever: Retriever;
let understanding: Understanding;

beforeAll(async () => {
  const articles = approvedArticles(await loadArticles(path.resolve("test/fixtures/answers/corpus")));
  const chunks = chunkCorpus(articles, await loadPromoPatterns(path.resolve("corpus/defaults/promotional.yaml"))).kept.filter((c) => !c.promotional);
  const lexicon = compileLexicon({ entries: [] });
  understanding = createUnderstanding(chunks, lexicon);
  retriever = createRetriever({ chunksById: new Map(chunks.map((c) => [c.id, c])), bm25: buildBm25(chunks), vectors: null }, null, lexicon, DEFAULT_RETRIEVAL, understanding.boosts);
});

async function quoted(question: string): Promise<string[]> {
  const retrieval = await retriever.retrieve(question);
  return selectSentences({ question, passages: retrieval.passages, analysis: understanding.analyze(question), expansionTerms: retrieval.expansionTerms }).map((s) => s.text);
}

describe("learned sentence selection", () => {
  it("answers a duration question with the duration sentence, not its neighbour about something else", async () => {
    const out = await quoted("How long does a light therapy session take?");
    expect(out).toContain("Each light therapy session lasts about 30 minutes.");
    expect(out).not.toContain("The lamp sits on a desk at eye level while you read or eat breakfast.");
  });

  it("quotes one sentence for each part of a two-part question, and not the padding around them", async () => {
    const out = await quoted("What should I bring to the sleep study, and how long until the results are ready?");
    expect(out).toContain("Bring comfortable pajamas and your usual pillow to the sleep study.");
    expect(out.some((s) => /within two weeks/.test(s))).toBe(true);
    expect(out).not.toContain("Parking in the clinic garage is free for overnight patients.");
    expect(out).not.toContain("Every study room has a private bathroom and a television.");
  });

  it("quotes nothing for a question none of the passages is about", async () => {
    expect(await quoted("Do you accept payment plans for dental implants?")).toEqual([]);
  });
});
