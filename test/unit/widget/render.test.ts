import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/contract.js";
import { orderActions, plainReplyText, safeHref, splitCitationMarkers } from "../../../src/widget/render.js";

describe("safeHref", () => {
  it.each([
    ["https://clinic.example/a?b=1", "https://clinic.example/a?b=1"],
    ["http://clinic.example", "http://clinic.example/"],
    ["tel:+15550100199", "tel:+15550100199"],
    ["sms:988", "sms:988"],
    ["tel:+1 (555) 010-0199", "tel:+1 (555) 010-0199"],
    [" HTTPS://clinic.example/x ", "https://clinic.example/x"],
  ])("allows %s", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });

  it.each(["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>x</script>", "vbscript:x", "mailto:a@b.example", "tel:", "tel:abc", "tel:9", "sms:988?body=x", "988", "//evil.example", "/relative", "", null, undefined])(
    "refuses %j",
    (url) => {
      expect(safeHref(url)).toBeNull();
    },
  );

  it("resolves relative URLs only against an explicit base", () => {
    expect(safeHref("/articles/a", "https://clinic.example")).toBe("https://clinic.example/articles/a");
  });
});

describe("splitCitationMarkers", () => {
  it("turns known markers into citations and keeps everything else as text", () => {
    expect(splitCitationMarkers("Sessions last an hour [1]. Six sessions [2][3]. See [9].", new Set([1, 2, 3]))).toEqual([
      { kind: "text", text: "Sessions last an hour" },
      { kind: "cite", n: 1 },
      { kind: "text", text: ". Six sessions" },
      { kind: "cite", n: 2 },
      { kind: "cite", n: 3 },
      { kind: "text", text: ". See [9]." },
    ]);
  });

  it("loses no text", () => {
    const text = "a [1] b [x] c [22] <img src=x onerror=alert(1)>";
    const joined = splitCitationMarkers(text, new Set([1]))
      .map((s) => (s.kind === "text" ? s.text : " [1]"))
      .join("");
    expect(joined).toBe(text);
  });
});

describe("plainReplyText", () => {
  it("removes citation markers for announcements", () => {
    expect(plainReplyText({ text: "About an hour [1]. Ask us [4].", citations: [{ n: 1, articleId: "a", title: "t", section: null, url: null, quote: "q" }] })).toBe(
      "About an hour. Ask us [4].",
    );
  });
});

describe("orderActions", () => {
  const actions: Action[] = [
    { kind: "link", label: "Chat online", href: "https://988lifeline.org/chat/" },
    { kind: "book", label: "Book", href: "https://clinic.example/book" },
    { kind: "call", label: "Call 911", href: "tel:911" },
    { kind: "call", label: "Call 988", href: "tel:988" },
  ];

  it("puts phone numbers first in emergencies, keeping their order", () => {
    expect(orderActions({ type: "emergency", actions }).map((a) => a.label)).toEqual(["Call 911", "Call 988", "Chat online", "Book"]);
  });

  it("leaves other replies as the server ordered them", () => {
    expect(orderActions({ type: "answer", actions })).toEqual(actions);
  });
});
