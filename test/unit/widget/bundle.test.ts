import { describe, expect, it } from "vitest";
import { buildWidget, WIDGET_GZIP_BUDGET_BYTES, widgetSizes } from "../../../src/widget/bundle.js";

describe("widget bundle", () => {
  it("fits the gzip budget and has no HTML-string or eval paths", async () => {
    const js = await buildWidget();
    expect(widgetSizes(js).gzip).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET_BYTES);
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    // No schema library sneaked in through a value import of the contract.
    expect(js).not.toMatch(/ZodError|zod/);
  });
});
