/**
 * The claim verifier on the red-team fixture sets (issue 13), written by
 * authors who never saw the verifier: tuning/heldout over the pain clinic's
 * articles, physio-* and derm-* (a second author, 2026-12-05) over the other
 * two example clinics, sleep-* (a third set, written blind) over the
 * sleep clinic. Rules were designed and tuned on the tuning halves only;
 * each held-out half was measured once. Floors sit just under the
 * measured figures so a regression fails; see the README for the per-kind
 * numbers (`npx tsx scripts/verifier-report.ts`).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadVerifierFixtures, scoreFixtures } from "../../../src/answer/claims/fixtures.js";
import { loadArticles } from "../../../src/ingest/load-articles.js";
import type { VerifyOptions } from "../../../src/answer/verify.js";
import { verifyOptionsWithWordNet } from "./fixtures.js";

const root = path.resolve(import.meta.dirname, "../../..");
const options = new Map<string, VerifyOptions>();
const titles = new Map<string, string>();

beforeAll(async () => {
  for (const clinic of ["ketamine-pain", "physio", "derm", "sleep"]) options.set(clinic, await verifyOptionsWithWordNet(clinic));
  // Article ids are unique across the example clinics, so one map serves every set.
  for (const clinic of ["ketamine-pain", "physio", "derm", "sleep"]) {
    for (const a of await loadArticles(path.join(root, "corpus", clinic, "articles"))) titles.set(a.id, a.title);
  }
});

async function score(set: string) {
  const fixtures = await loadVerifierFixtures(path.join(root, "test/fixtures/verifier", `${set}.jsonl`));
  const clinic = /^(tuning|heldout)$/.test(set) ? "ketamine-pain" : set.replace(/-(tuning|heldout)$/, "");
  return { fixtures, score: scoreFixtures(fixtures, options.get(clinic)!, titles) };
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
    expect(s.faithfulAccepted).toBeGreaterThanOrEqual(0.72); // measured 73.4% (47/64)
  });

  it("other clinics' tuning halves: every mutation rejected", async () => {
    // Faithful floors: measured 80.0% physio (24/30), 70.0% derm (21/30), 63.3% sleep (19/30).
    const faithfulFloor: Record<string, number> = { "physio-tuning": 0.79, "derm-tuning": 0.69, "sleep-tuning": 0.63 };
    for (const set of ["physio-tuning", "derm-tuning", "sleep-tuning"]) {
      const { fixtures, score: s } = await score(set);
      expect(fixtures.length, set).toBe(60);
      expect(s.mutationsRejected, set).toBeGreaterThanOrEqual(0.99); // measured 100% (30/30) each
      expect(s.faithfulAccepted, set).toBeGreaterThanOrEqual(faithfulFloor[set]!);
    }
  });

  it("other clinics' held-out halves (never tuned on)", async () => {
    for (const set of ["physio-heldout", "derm-heldout", "sleep-heldout"]) {
      const { fixtures, score: s } = await score(set);
      expect(fixtures.length, set).toBe(60);
      // Measured once after this round's rules: 90.0% / 90.0% / 83.3% of mutations rejected (sleep:
      // 25/30, the same as before the round), 56.7% / 53.3% / 56.7% of faithful sentences accepted.
      expect(s.mutationsRejected, set).toBeGreaterThanOrEqual(set === "sleep-heldout" ? 0.83 : 0.89);
      expect(s.faithfulAccepted, set).toBeGreaterThanOrEqual(0.53);
    }
  });

  it("every mutation kind of the tuning half is rejected in full", async () => {
    const { score: s } = await score("tuning");
    for (const k of s.byKind.filter((k) => k.label === "mutation")) expect(k.accepted, k.kind).toBe(0);
  });
});
