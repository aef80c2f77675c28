import { describe, expect, it } from "vitest";
import { contrastRatio, parseColor, readableTextOn } from "../../../src/widget/styles-color.js";
import { widgetCss } from "../../../src/widget/styles.js";

describe("parseColor", () => {
  it.each(["#abc", "#a1b2c3", "#a1b2c3d4", "rgb(11 92 107)", "rgba(11, 92, 107, 0.9)", "hsl(190deg 80% 23%)", "oklch(45% 0.1 200)", "teal", " #0b5c6b "])("accepts %s", (c) => {
    expect(parseColor(c)).toBe(c.trim());
  });

  it.each(["", "#12", "#ggg", "red;background:url(x)", "url(https://x.example/a.png)", "rgb(1,2,3);}", "var(--x)", "expression(alert(1))", "inherit", "transparent", 'red"', "calc(1px)"])(
    "rejects %j",
    (c) => {
      expect(parseColor(c)).toBeNull();
    },
  );

  it("defers to the browser's own check when given one", () => {
    expect(parseColor("notacolour", () => false)).toBeNull();
    expect(parseColor("teal", () => true)).toBe("teal");
  });
});

describe("readableTextOn", () => {
  it.each(["#0b5c6b", "#7a1f5c", "#ffd60a", "#e0f2f1", "#1a73e8", "#ff7f50"])("gives at least AA-level contrast where possible on %s", (bg) => {
    const text = readableTextOn(bg);
    const best = Math.max(contrastRatio(bg, "#ffffff")!, contrastRatio(bg, "#111827")!);
    expect(contrastRatio(bg, text)).toBeGreaterThanOrEqual(Math.min(4.5, best));
  });
});

describe("widgetCss", () => {
  it("places the widget on the configured side", () => {
    expect(widgetCss({ primaryColor: "#000", primaryTextColor: "#fff", position: "left" })).toMatch(/:host\{[^}]*left:20px/);
    expect(widgetCss({ primaryColor: "#000", primaryTextColor: "#fff", position: "right" })).toMatch(/:host\{[^}]*right:20px/);
  });

  it("honours reduced-motion preferences", () => {
    expect(widgetCss({ primaryColor: "#000", primaryTextColor: "#fff", position: "right" })).toMatch(/prefers-reduced-motion:\s*reduce[^}]*\{[^}]*animation:none/);
  });
});
