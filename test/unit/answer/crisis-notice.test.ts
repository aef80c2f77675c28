import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { crisisNotice, DEFAULT_CRISIS_NOTICE_TEXT } from "../../../src/answer/reply.js";
import { parseClinic } from "../../../src/config.js";

const doctorClinic = path.resolve(import.meta.dirname, "../../fixtures/doctor/corpus/clinic.yaml");

describe("the crisis notice", () => {
  it("falls back to a generic text with the clinic's own emergency call actions when clinic.yaml has no crisisNotice", () => {
    const raw = parseYaml(readFileSync(doctorClinic, "utf8")) as Record<string, unknown>;
    delete raw.crisisNotice;
    const clinic = parseClinic(raw, "clinic.yaml");
    const notice = crisisNotice(clinic);
    expect(notice.text).toBe(DEFAULT_CRISIS_NOTICE_TEXT);
    expect(notice.actions.map((a) => a.href)).toEqual(clinic.emergency.actions.filter((a) => a.kind === "call").map((a) => a.href));
    expect(notice.actions.length).toBeGreaterThan(0);
  });

  it("uses the clinic's own notice, call actions first, when it has one", () => {
    const raw = parseYaml(readFileSync(doctorClinic, "utf8")) as Record<string, unknown>;
    raw.crisisNotice = {
      text: "If you are thinking about harming yourself, call us or the crisis line now.",
      actions: [
        { kind: "link", label: "Chat online", href: "https://crisis.example/chat" },
        { kind: "call", label: "Call the crisis line", href: "tel:+15550100" },
      ],
    };
    const notice = crisisNotice(parseClinic(raw, "clinic.yaml"));
    expect(notice.text).toMatch(/call us or the crisis line/);
    expect(notice.actions.map((a) => a.kind)).toEqual(["call", "link"]);
  });

  it("refuses a notice without a working call button", () => {
    const raw = parseYaml(readFileSync(doctorClinic, "utf8")) as Record<string, unknown>;
    raw.crisisNotice = { text: "If you are thinking about harming yourself, reach out.", actions: [{ kind: "call", label: "Call", href: "javascript:alert(1)" }] };
    expect(() => parseClinic(raw, "clinic.yaml")).toThrow(/crisisNotice\.actions\.0\.href/);
  });
});
