import { describe, expect, it } from "vitest";
import { bruteForceVectorSearch } from "../../../src/retrieve/vectors.js";

describe("bruteForceVectorSearch", () => {
  const search = bruteForceVectorSearch([
    { chunkId: "east", vector: [1, 0] },
    { chunkId: "north", vector: [0, 3] },
    { chunkId: "north-east", vector: [2, 2] },
    { chunkId: "west", vector: [-1, 0] },
  ]);

  it("ranks by cosine similarity, whatever the vectors' lengths", () => {
    const hits = search.search([5, 0.1], 4);
    expect(hits.map((h) => h.chunkId)).toEqual(["east", "north-east", "north", "west"]);
    expect(hits[0]!.similarity).toBeCloseTo(0.9998, 3);
    expect(hits[3]!.similarity).toBeCloseTo(-0.9998, 3);
  });

  it("returns at most k hits and reports its size", () => {
    expect(search.search([0, 1], 2).map((h) => h.chunkId)).toEqual(["north", "north-east"]);
    expect(search.size).toBe(4);
  });

  it("treats a zero vector as matching nothing in particular instead of failing", () => {
    expect(search.search([0, 0], 1)[0]!.similarity).toBe(0);
  });
});
