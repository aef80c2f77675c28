import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TRAINING_SETS } from "../../../scripts/answer-training.js";
import { captureCases, LABELS_FILE, loadLabels } from "../../../scripts/sentence-training.js";
import { fitSelectionModel } from "../../../scripts/selection-sweep.js";
import { selectionModel } from "../../../src/answer/selection-model.js";

describe("committed sentence-selection model", () => {
  it("is in sync with its labels, suites, corpora and features (run `npm run train:answers`)", async () => {
    const model = fitSelectionModel(await captureCases(), await loadLabels());
    expect(model).toEqual(selectionModel());
  }, 300_000);

  it("was labelled from tuning halves only", () => {
    const suites = new Set(readFileSync(LABELS_FILE, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { suite: string }).suite));
    expect(suites.size).toBeGreaterThan(2);
    for (const s of suites) expect(s).not.toMatch(/heldout|held-out/);
    const allowed = new Set(TRAINING_SETS.flatMap((t) => t.suites));
    for (const s of suites) expect(allowed.has(s)).toBe(true);
  });

  it("quotes a further sentence only above the best-sentence floor", () => {
    const m = selectionModel();
    expect(m.extra).toBeGreaterThanOrEqual(m.floor);
    expect(m.sweep.map((r) => r.extra)).toContain(m.extra);
  });
});
