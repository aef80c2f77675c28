import { describe, expect, it } from "vitest";
import { DEFAULT_PRIMARY, MAX_SUGGESTIONS, readWidgetConfig } from "../../../src/widget/config.js";

const page = "https://www.clinic.example/services/";
const script = "https://assistant.clinic.example/widget.js";
const read = (attrs: Record<string, string>, src: string | null = script) => readWidgetConfig((n) => attrs[n] ?? null, src, page);

describe("readWidgetConfig", () => {
  it("defaults the API to the origin that served the script", () => {
    const { config, problems } = read({});
    expect(config.apiBase).toBe("https://assistant.clinic.example");
    expect(config.position).toBe("right");
    expect(config.primaryColor).toBe(DEFAULT_PRIMARY);
    expect(config.leadForm).toBe(false);
    expect(problems).toEqual([]);
  });

  it("accepts an API base with a path prefix and normalises it", () => {
    expect(read({ "data-api": "https://api.clinic.example/assistant/" }).config.apiBase).toBe("https://api.clinic.example/assistant");
  });

  it("rejects non-http API URLs and keeps the default, naming the attribute", () => {
    for (const bad of ["javascript:alert(1)", "ftp://x.example", "https://user:pw@x.example"]) {
      const { config, problems } = read({ "data-api": bad });
      expect(config.apiBase).toBe("https://assistant.clinic.example");
      expect(problems.join()).toMatch(/data-api/);
    }
  });

  it("accepts colours and rejects values that could escape the stylesheet", () => {
    expect(read({ "data-primary-color": "#7a1f5c" }).config.primaryColor).toBe("#7a1f5c");
    const evil = read({ "data-primary-color": "red;}:host{display:none" });
    expect(evil.config.primaryColor).toBe(DEFAULT_PRIMARY);
    expect(evil.problems.join()).toMatch(/data-primary-color/);
  });

  it("picks readable text on light brand colours unless told otherwise", () => {
    expect(read({ "data-primary-color": "#ffd60a" }).config.primaryTextColor).not.toBe("#ffffff");
    expect(read({ "data-primary-color": "#ffd60a", "data-primary-text-color": "#000" }).config.primaryTextColor).toBe("#000");
  });

  it("parses position, lead form and pipe-separated suggestions", () => {
    const { config, problems } = read({
      "data-position": "LEFT",
      "data-lead-form": "true",
      "data-suggestions": " How long is a session? || What does it cost?|a|b|c|d ",
    });
    expect(config.position).toBe("left");
    expect(config.leadForm).toBe(true);
    expect(config.suggestions).toEqual(["How long is a session?", "What does it cost?", "a", "b"].slice(0, MAX_SUGGESTIONS));
    expect(problems).toEqual([]);
  });

  it("reports invalid enumerations instead of guessing", () => {
    const { config, problems } = read({ "data-position": "top", "data-lead-form": "yes please" });
    expect(config.position).toBe("right");
    expect(config.leadForm).toBe(false);
    expect(problems).toHaveLength(2);
  });

  it("derives the title from the clinic name and keeps only phone-like phones", () => {
    const { config } = read({ "data-clinic-name": "Riverside Clinic", "data-phone": "+1 (555) 010-0199" });
    expect(config.title).toBe("Ask Riverside Clinic");
    expect(config.phone).toBe("+1 (555) 010-0199");
    expect(read({ "data-phone": "call me maybe" }).config.phone).toBeNull();
  });

  it("falls back to the page origin for an inline script", () => {
    expect(read({}, null).config.apiBase).toBe("https://www.clinic.example");
  });
});
