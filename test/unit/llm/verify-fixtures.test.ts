/**
 * The claim verifier on the red-team fixture sets (issue 13), written by an
 * author who never saw the verifier. The verifier was designed and tuned on
 * tuning.jsonl only; heldout.jsonl was measured once at the end. Floors sit
 * just under the measured figures so a regression fails; see the README for
 * the per-kind numbers (`npx tsx scripts/verifier-report.ts`).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadVerifierFixtures, scoreFixtures } from "../../../src/answer/claims/fixtures.js";
import { loadArticles } from "../../../src/ingest/load-articles.js";
import type { VerifyOptions } from "../../../src/answer/verify.js";
import { verifyOptionsWithWordNet } from "./fixtures.js";

const root = path.resolve(import.meta.dirname, "../../..");
let options: VerifyOptions;
let titles: Map<string, string>;

beforeAll(async () => {
  options = await verifyOptionsWithWordNet();
  titles = new Map((await loadArticles(path.join(root, "corpus/ketamine-pain/articles"))).map((a) => [a.id, a.title]));
});

async function score(set: string) {
  const fixtures = await loadVerifierFixtures(path.join(root, "test/fixtures/verifier", `${set}.jsonl`));
  return { fixtures, score: scoreFixtures(fixtures, options, titles) };
}

describe("claim verifier on the red-team fixtures", () => {
  it("tuning half: rejects every mutation, accepts at least 90% of faithful sentences", async () => {
    const { fixtures, score: s } = await score("tuning");
    expect(fixtures.length).toBe(176);
    expect(s.mutationsRejected).toBeGreaterThanOrEqual(0.99); // measured 100% (112/112)
    expect(s.faithfulAccepted).toBeGreaterThanOrEqual(0.9); // measured 92.2% (59/64)
  });

  it("held-out half (never tuned on): rejects nearly every mutation", async () => {
    const { fixtures, score: s } = await score("heldout");
    expect(fixtures.length).toBe(175);
    expect(s.mutationsRejected).toBeGreaterThanOrEqual(0.97); // measured 98.2% (109/111)
    expect(s.faithfulAccepted).toBeGreaterThanOrEqual(0.68); // measured 70.3% (45/64)
  });

  it("every mutation kind of the tuning half is rejected in full", async () => {
    const { score: s } = await score("tuning");
    for (const k of s.byKind.filter((k) => k.label === "mutation")) expect(k.accepted, k.kind).toBe(0);
  });
});
