import { describe, expect, it } from "vitest";
import { checkFrontMatter, monthsBetween } from "../../../src/doctor/front-matter.js";
import { fixtureCorpus, fixtureFiles, FIXTURE_NOW } from "./fixture.js";

describe("checkFrontMatter", () => {
  it("names every invalid field of a broken file instead of stopping at the first", async () => {
    const { problems } = await fixtureCorpus();
    const broken = problems.filter((p) => p.file === "articles/broken-article.md");
    expect(broken.every((p) => p.kind === "invalid" && p.severity === "blocking")).toBe(true);
    expect(broken.map((p) => p.field).sort()).toEqual(["id", "reviewed", "status", "title"]);
  });

  it("keeps the valid articles and flags drafts, missing urls and stale reviews", async () => {
    const { articles, problems } = await fixtureCorpus();
    expect(articles.map((a) => a.id)).toEqual(["caring-for-your-tendons-at-home", "draft-new-prices", "shockwave-therapy-basics", "what-to-expect-from-shockwave-therapy"]);
    const kinds = (file: string) => problems.filter((p) => p.file === file).map((p) => p.kind).sort();
    expect(kinds("articles/caring-for-your-tendons-at-home.md")).toEqual(["missing-url", "stale-review"]);
    expect(kinds("articles/draft-new-prices.md")).toEqual(["draft"]);
    expect(kinds("articles/shockwave-therapy-basics.md")).toEqual([]);
  });

  it("reports duplicate ids (blocking, later file left out) and duplicate titles", async () => {
    const files = await fixtureFiles();
    const basics = files.find((f) => f.file.endsWith("shockwave-therapy-basics.md"))!;
    const copy = { file: "articles/zz-copy.md", text: basics.text };
    const retitled = { file: "articles/zz-retitled.md", text: basics.text.replace("id: shockwave-therapy-basics", "id: another-id") };
    const { articles, problems } = checkFrontMatter([basics, copy, retitled], { now: FIXTURE_NOW, maxAgeMonths: 12 });
    expect(articles.map((a) => a.source)).toEqual(["articles/shockwave-therapy-basics.md", "articles/zz-retitled.md"]);
    expect(problems.find((p) => p.kind === "duplicate-id")).toMatchObject({ file: "articles/zz-copy.md", field: "id", severity: "blocking" });
    expect(problems.find((p) => p.kind === "duplicate-title")).toMatchObject({ file: "articles/zz-retitled.md", severity: "warning" });
  });

  it("flags a review date in the future and honours the age limit", async () => {
    const files = await fixtureFiles();
    const basics = files.find((f) => f.file.endsWith("shockwave-therapy-basics.md"))!;
    const future = { file: "articles/future.md", text: basics.text.replace("reviewed: 2026-10-01", "reviewed: 2027-03-01") };
    expect(checkFrontMatter([future], { now: FIXTURE_NOW, maxAgeMonths: 12 }).problems.map((p) => p.kind)).toEqual(["future-review"]);
    expect(checkFrontMatter([basics], { now: FIXTURE_NOW, maxAgeMonths: 2 }).problems.map((p) => p.kind)).toEqual(["stale-review"]);
    expect(monthsBetween("2026-01-31", new Date("2026-03-01T00:00:00Z"))).toBe(1);
  });
});
