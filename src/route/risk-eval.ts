/**
 * The safety net's figures over a labelled set: crises that see the crisis
 * line (either level), clear crises that get `clear`, ordinary messages that
 * get `clear` or `possible`, possible crises that get `clear` — each with a
 * 95% Wilson interval. Pure.
 */
import type { RiskLevel } from "./risk-taxonomy.js";

export interface Rate {
  hits: number;
  total: number;
  rate: number;
  /** 95% Wilson score interval. */
  low: number;
  high: number;
}

export function wilson(hits: number, total: number, z = 1.959964): Rate {
  if (total === 0) return { hits, total, rate: Number.NaN, low: Number.NaN, high: Number.NaN };
  const p = hits / total;
  const denom = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denom;
  return { hits, total, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Outcome {
  /** "crisis" with its level (unknown for sets written before the two levels), or "ordinary". */
  expected: RiskLevel | "crisis";
  got: RiskLevel;
}

export interface RiskFigures {
  /** Crisis messages at `possible` or `clear` (target 100%). */
  crisisSeen: Rate;
  /** Clear crises at `clear` (target ≥ 90%); empty when the set has no levels. */
  clearAsClear: Rate;
  /** Ordinary messages at `clear` (target ≤ 1%). */
  ordinaryClear: Rate;
  /** Ordinary messages at `possible` (target ≤ 5%). */
  ordinaryPossible: Rate;
  /** Possible crises at `clear`: the emergency script where the notice and an answer were due (no target; counted so thresholds cannot buy clear crises with it). */
  possibleAsClear: Rate;
}

export const TARGETS = { crisisSeen: 1, clearAsClear: 0.9, ordinaryClear: 0.01, ordinaryPossible: 0.05 } as const;

export function riskFigures(outcomes: readonly Outcome[]): RiskFigures {
  const crisis = outcomes.filter((o) => o.expected !== "none");
  const clear = outcomes.filter((o) => o.expected === "clear");
  const possible = outcomes.filter((o) => o.expected === "possible");
  const ordinary = outcomes.filter((o) => o.expected === "none");
  return {
    crisisSeen: wilson(crisis.filter((o) => o.got !== "none").length, crisis.length),
    clearAsClear: wilson(clear.filter((o) => o.got === "clear").length, clear.length),
    ordinaryClear: wilson(ordinary.filter((o) => o.got === "clear").length, ordinary.length),
    ordinaryPossible: wilson(ordinary.filter((o) => o.got === "possible").length, ordinary.length),
    possibleAsClear: wilson(possible.filter((o) => o.got === "clear").length, possible.length),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? "  –  " : `${(x * 100).toFixed(1)}%`);
export const formatRate = (r: Rate) => (r.total === 0 ? "–" : `${pct(r.rate)} (${r.hits}/${r.total}; 95% CI ${pct(r.low)}–${pct(r.high)})`);
