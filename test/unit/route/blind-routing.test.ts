/**
 * The blind routing sets' tuning halves (test/fixtures/routing/blind/, written
 * by authors who saw only one clinic's articles and the routing policy), routed
 * as the assistant routes: the conversation's risk first, then the intent rules
 * of the clinic folder with its articles' topic.
 *
 * Pinned: no ordinary question of a tuning half is booked, declined or sent to
 * emergency, and the other kinds miss only the messages listed here (a new miss
 * fails; one that starts routing right fails too, so the list shrinks with the
 * rules). The held-out halves are measured with scripts/routing-report.ts and
 * asserted nowhere: a test that must pass is a set someone tunes on.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RouteKind, SafetyRules } from "../../../src/route/index.js";
import { clinicRules, routeAsAssistant } from "../../helpers/rules.js";
import { corpusTopic } from "../../helpers/topic.js";

const root = path.resolve(import.meta.dirname, "../../..");

/** Tuning-half messages that still route wrong, and where they go. */
const KNOWN_MISSES: Record<string, Record<string, RouteKind>> = {
  "ketamine-pain": {
    // The risk model reads "ready to go" as a farewell (issue 12); it gets the emergency reply.
    "ok I think I'm ready to go ahead. how do I book the first infusion?": "emergency",
    // A named diagnosis offered as a yes/no question reads like "is that normal?".
    "My wife's ankle is swollen and kind of purple since she fell 4 months ago, and it hurts when anything touches it. Is that CRPS?": "question",
  },
  physio: {
    // Whether a relative must stop a sport with a named condition: no general frame tells it from "do I need to avoid exercise after a session?".
    "my son has osgood-schlatter, does he need to sit out football this season?": "question",
  },
  derm: {},
};

function tuningHalf(clinic: string): Array<{ kind: RouteKind; message: string }> {
  return readFileSync(path.join(root, "test/fixtures/routing/blind", `${clinic}-tuning.txt`), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [kind, message] = line.split(" | ");
      return { kind: kind as RouteKind, message: message! };
    });
}

describe.each(Object.keys(KNOWN_MISSES))("blind routing set, %s tuning half", (clinic) => {
  let rules: SafetyRules;
  beforeAll(async () => {
    const dir = path.join(root, "corpus", clinic);
    rules = clinicRules(dir, await corpusTopic(dir));
  });

  const route = (message: string): RouteKind => routeAsAssistant(message, rules);

  it("has 100 messages of the four kinds", () => {
    const cases = tuningHalf(clinic);
    expect(cases).toHaveLength(100);
    expect([...new Set(cases.map((c) => c.kind))].sort()).toEqual(["booking", "off_topic", "personal_advice", "question"]);
  });

  it("books, declines or escalates no ordinary question", () => {
    const wrong = tuningHalf(clinic).filter((c) => c.kind === "question" && route(c.message) !== "question");
    expect(wrong.map((c) => `${route(c.message)}: ${c.message}`)).toEqual([]);
  });

  it("routes every booking, advice and off-topic message right but the listed ones", () => {
    const routed = tuningHalf(clinic)
      .filter((c) => c.kind !== "question")
      .map((c) => ({ ...c, routed: route(c.message) }));
    const misses = Object.fromEntries(routed.filter((c) => c.routed !== c.kind).map((c) => [c.message, c.routed]));
    expect(misses).toEqual(KNOWN_MISSES[clinic]);
  });
});
