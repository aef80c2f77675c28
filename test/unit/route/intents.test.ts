/**
 * Booking, personal-advice and off-topic routing in three clinics (the demo
 * ketamine clinic and the physical-therapy and dermatology example folders),
 * each with its own rules folder and its articles' topic, as the server
 * routes them. Cases: test/fixtures/routing/<clinic>.txt, `kind | message`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { clinicRules } from "../../helpers/rules.js";
import { routeMessage, sanitizeInput, type RouteKind, type SafetyRules } from "../../../src/route/index.js";
import { corpusTopic } from "../../helpers/topic.js";

const root = path.resolve(import.meta.dirname, "../../..");

const CLINICS = { ketamine: "corpus/ketamine-pain", physio: "corpus/physio", derm: "corpus/derm" } as const;

function cases(clinic: string): Array<[RouteKind, string]> {
  return readFileSync(path.join(root, "test/fixtures/routing", `${clinic}.txt`), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [kind, message] = line.split(" | ");
      return [kind as RouteKind, message!];
    });
}

describe.each(Object.entries(CLINICS))("%s clinic", (clinic, dir) => {
  let rules: SafetyRules;
  beforeAll(async () => {
    rules = clinicRules(path.join(root, dir), await corpusTopic(path.join(root, dir)));
  });

  it("has cases of every kind it checks", () => {
    const kinds = new Set(cases(clinic).map(([kind]) => kind));
    expect([...kinds].sort()).toEqual(["booking", "off_topic", "personal_advice", "question"]);
  });

  it.each(cases(clinic))("→ %s: %s", (kind, message) => {
    expect(routeMessage(sanitizeInput(message), rules).kind).toBe(kind);
  });
});
