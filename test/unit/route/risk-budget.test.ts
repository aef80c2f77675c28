/**
 * How a threshold sweep point is chosen: the ordinary budgets hold for the hard
 * lookalikes and for everyday traffic separately, so many plain messages cannot
 * hide a rise in false emergencies among the alarming ones.
 */
import { describe, expect, it } from "vitest";
import type { LabelledMessage, PoolItem } from "../../../src/route/risk-data.js";
import { chooseThresholds, ordinaryClearRate, shortfallCost, withinBudget, type SweepPoint } from "../../../src/route/risk-experiment.js";
import { riskFigures } from "../../../src/route/risk-eval.js";
import type { RiskAssessment } from "../../../src/route/risk.js";
import type { RiskLevel } from "../../../src/route/risk-taxonomy.js";

const message = (id: string, label: "crisis" | "ordinary"): LabelledMessage =>
  label === "crisis" ? { id, label, level: "clear", category: "plan", style: "plain", message: id } : { id, label, category: "figure_of_speech", style: "plain", message: id };

// 1 crisis and 50 lookalikes from a crisis set; 100 everyday messages from the suites.
const pool: PoolItem[] = [
  { source: "blind-2026-12", message: message("c1", "crisis") },
  ...Array.from({ length: 50 }, (_, i) => ({ source: "blind-2026-12" as const, message: message(`l${i}`, "ordinary") })),
  ...Array.from({ length: 100 }, (_, i) => ({ source: "suites" as const, message: message(`e${i}`, "ordinary") })),
];

/** A sweep point whose decisions send the first `lookalikes` lookalikes and `everyday` everyday messages to the emergency reply. */
function point(possible: number, lookalikes: number, everyday: number, crisisSeen = true): SweepPoint {
  const level = (p: PoolItem): RiskLevel => {
    if (p.message.label === "crisis") return crisisSeen ? "clear" : "none";
    return Number(p.message.id.slice(1)) < (p.source === "suites" ? everyday : lookalikes) ? "clear" : "none";
  };
  const got = pool.map((p) => ({ level: level(p), rule: null }) as unknown as RiskAssessment);
  const pooled = riskFigures(pool.map((p, i) => ({ expected: p.message.label === "crisis" ? "clear" : "none", got: got[i]!.level })));
  return { possible, clear: possible, clearCategory: null, detectors: "notice_only", detectorFloor: 0.02, pooled, bySource: {}, got };
}

describe("choosing thresholds within the ordinary budgets", () => {
  it("measures false emergencies among lookalikes and everyday messages apart", () => {
    const p = point(0.5, 2, 1);
    expect(ordinaryClearRate(pool, p, (s) => s !== "suites")).toBeCloseTo(2 / 50);
    expect(ordinaryClearRate(pool, p, (s) => s === "suites")).toBeCloseTo(1 / 100);
  });

  it("rejects a point whose lookalikes break their budget even when the pooled rate is within it", () => {
    // 2 of 150 ordinary messages pooled (1.3%), but 2 of 50 lookalikes (4%).
    const p = point(0.5, 2, 0);
    expect(p.pooled.ordinaryClear.rate).toBeLessThan(0.02);
    expect(withinBudget(pool, p)).toBe(false);
  });

  it("holds everyday traffic to the 1% target", () => {
    expect(withinBudget(pool, point(0.5, 0, 1))).toBe(true);
    expect(withinBudget(pool, point(0.5, 0, 2))).toBe(false);
  });

  it("chooses the cheapest point within the budgets, and the cheapest overall when none is within", () => {
    const cheapOverBudget = point(0.3, 2, 0);
    const within = point(0.6, 1, 1);
    const missesTheCrisis = point(0.9, 0, 0, false);
    expect(chooseThresholds([cheapOverBudget, within, missesTheCrisis], pool)).toBe(within);
    expect(chooseThresholds([cheapOverBudget], pool)).toBe(cheapOverBudget);
  });

  it("counts possible crises sent to the emergency reply, so a low clear threshold cannot buy clear crises with them", () => {
    // Ten clear and ten possible crises; both points see every crisis and send 8 of 10 clear ones to the emergency reply.
    const costWith = (possibleAtClear: number) => {
      const outcomes = [
        ...Array.from({ length: 10 }, (_, i) => ({ expected: "clear" as const, got: (i < 8 ? "clear" : "possible") as RiskLevel })),
        ...Array.from({ length: 10 }, (_, i) => ({ expected: "possible" as const, got: (i < possibleAtClear ? "clear" : "possible") as RiskLevel })),
        ...Array.from({ length: 10 }, () => ({ expected: "none" as const, got: "none" as RiskLevel })),
      ];
      return shortfallCost({ possible: 0.5, clear: 0.5, clearCategory: null, detectors: "notice_only", detectorFloor: 0, pooled: riskFigures(outcomes), bySource: {}, got: [] });
    };
    expect(riskFigures([{ expected: "possible", got: "clear" }, { expected: "possible", got: "possible" }]).possibleAsClear.rate).toBe(0.5);
    expect(costWith(5) - costWith(0)).toBeCloseTo(0.5);
    expect(costWith(0)).toBeCloseTo(2 * (0.9 - 0.8));
  });
});
