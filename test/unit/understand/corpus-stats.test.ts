/** The clinic's own multi-word terms, counted from its articles (no hand list). */
import { describe, expect, it } from "vitest";
import { adjacentStemPairs, buildCorpusStats, nearStemPairs } from "../../../src/understand/corpus-stats.js";
import { stem } from "../../../src/retrieve/terms.js";
import { PT_CHUNKS } from "./pt-corpus.js";

const stats = buildCorpusStats(PT_CHUNKS);
const pair = (a: string, b: string) => stats.collocation(stem(a), stem(b));

describe("collocations", () => {
  it("are pairs the articles write together at least twice, a title counting once however many chunks repeat it", () => {
    // Title once (three chunks repeat it) + one sentence: twice.
    expect(pair("back", "pain")).toEqual({ inHeading: true, domainWide: false });
    // The title alone, repeated by three chunks, is one occurrence.
    expect(pair("low", "back")).toBeNull();
    // Written once.
    expect(pair("gentle", "walks")).toBeNull();
  });

  it("never span punctuation: 'back, pain' is two things", () => {
    expect(adjacentStemPairs("Lie on your back, pain or not")).not.toContainEqual([stem("back"), stem("pain")]);
    expect(adjacentStemPairs("Lie on your back pain or not")).toContainEqual([stem("back"), stem("pain")]);
  });

  it("say whether a heading names them and whether most articles use them", () => {
    expect(pair("home", "program")).toEqual({ inHeading: false, domainWide: true });
  });

  it("near pairs allow the words of a coordination between them", () => {
    expect(nearStemPairs("knee and hip replacement", 3)).toContainEqual([stem("knee"), stem("replacement")]);
    expect(nearStemPairs("knee and hip replacement", 1)).not.toContainEqual([stem("knee"), stem("replacement")]);
  });
});
