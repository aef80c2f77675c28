/**
 * Clinic actions must be links the widget renders: a crisis reply whose call
 * button the widget silently drops must stop the server instead.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { ConfigError, loadConfig, parseClinic } from "../../../src/config.js";
import { actionHrefProblem, safeHref } from "../../../src/links.js";

const shipped = parseYaml(readFileSync("corpus/ketamine-pain/clinic.yaml", "utf8")) as Record<string, unknown> & { emergency: { text: string; actions: unknown[] } };
const withEmergencyActions = (actions: unknown[]) => ({ ...shipped, emergency: { ...shipped.emergency, actions } });
const call = (href: string) => ({ kind: "call", label: "Call", href });

function problem(raw: unknown): string {
  try {
    parseClinic(raw, "clinic.yaml");
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  return "";
}

describe("clinic actions", () => {
  it("accepts the shipped clinic file", () => {
    expect(problem(shipped)).toBe("");
  });

  it.each(["javascript:alert(1)", "988", "tel:", "tel:abc", "tel:988?x=1", "callto:988", "mailto:help@example.org", "https://988lifeline.org"])(
    "refuses the emergency call action href %j, naming the field",
    (href) => {
      expect(problem(withEmergencyActions([call(href)]))).toMatch(/emergency\.actions\.0\.href: a call action needs a tel: or sms: link/);
    },
  );

  it("accepts tel: and sms: numbers with separators", () => {
    expect(problem(withEmergencyActions([call("tel:+1 (555) 010-0199"), call("sms:988"), call("tel:000")]))).toBe("");
  });

  it("needs at least one call action in the emergency reply", () => {
    expect(problem(withEmergencyActions([{ kind: "link", label: "Chat", href: "https://988lifeline.org/chat/" }]))).toMatch(/emergency\.actions: needs at least one call action/);
  });

  it("requires https for link and book actions and the booking URL (http only for localhost)", () => {
    expect(problem(withEmergencyActions([call("tel:911"), { kind: "link", label: "Chat", href: "http://988lifeline.example/chat" }]))).toMatch(
      /emergency\.actions\.1\.href: a link action needs an https:\/\/ link/,
    );
    expect(problem(withEmergencyActions([call("tel:911"), { kind: "link", label: "x", href: "javascript:alert(1)" }]))).toMatch(/emergency\.actions\.1\.href/);
    expect(problem({ ...shipped, bookingUrl: "http://clinic.example/book" })).toMatch(/bookingUrl: must be an https:\/\/ URL/);
    expect(problem({ ...shipped, bookingUrl: "http://localhost:3000/book" })).toBe("");
  });

  it("stops start-up (loadConfig) with the file and field named", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clinic-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "clinic.yaml");
    writeFileSync(file, stringify(withEmergencyActions([call("javascript:alert(1)")])));
    expect(() => loadConfig({ CLINIC_CONFIG: file })).toThrow(ConfigError);
    expect(() => loadConfig({ CLINIC_CONFIG: file })).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s\\S]*emergency\\.actions\\.0\\.href`));
  });

  it("only accepts actions the widget renders", () => {
    const hrefs = ["tel:988", "sms:988", "tel:+1-555", "https://a.example/x", "http://localhost:3000/", "http://a.example", "javascript:x", "988", "tel:", "data:text/html,x", "sms:abc"];
    for (const kind of ["call", "link", "book"]) {
      for (const href of hrefs) if (actionHrefProblem({ kind, href }) === null) expect(safeHref(href), `${kind} ${href}`).not.toBeNull();
    }
  });
});
