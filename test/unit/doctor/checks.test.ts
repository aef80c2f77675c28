import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleSentences } from "../../../src/doctor/corpus-text.js";
import { findContradictions } from "../../../src/doctor/contradictions.js";
import { nearDuplicatePassages } from "../../../src/doctor/duplicates.js";
import { describeMatch, promotionalSentences } from "../../../src/doctor/promotional.js";
import { parseArticle } from "../../../src/ingest/load-articles.js";
import { approvedArticles, loadArticles } from "../../../src/ingest/load-articles.js";
import { createPromoMatcher, loadPromoPatterns, promoRules } from "../../../src/ingest/promotional.js";
import type { Article } from "../../../src/types.js";
import { fixtureCorpus } from "./fixture.js";

function article(id: string, body: string): Article {
  return parseArticle(`---\nid: ${id}\ntitle: "${id}"\npublisher: Test Publisher\nreviewed: 2026-01-01\nstatus: approved\n---\n${body}\n`, `articles/${id}.md`);
}
const noPromo = createPromoMatcher([{ pattern: "\\bour\\b", flags: "i" }]);

describe("promotional tagging says which rule matched", () => {
  it("gives the same answer to \"which rule\" and \"is it tagged\" for every sentence of the corpus", async () => {
    const corpusDir = path.resolve("corpus/ketamine-pain");
    const articles = approvedArticles(await loadArticles(path.join(corpusDir, "articles")));
    const matcher = createPromoMatcher(await loadPromoPatterns(path.resolve("corpus/defaults/promotional.yaml")), articles.map((a) => a.publisher));
    const sentences = articles.flatMap((a) => articleSentences(a).map((s) => s.text));
    let tagged = 0;
    for (const s of sentences) {
      const m = matcher.match(s);
      expect(matcher.isPromotional(s)).toBe(m !== null);
      if (m) tagged++;
    }
    expect(tagged).toBeGreaterThan(0);
    expect(tagged).toBeLessThan(sentences.length / 10);
  });

  it("names the first matching pattern, then what the sentence does; a publisher's name alone tags nothing", () => {
    const m = createPromoMatcher(
      { ...promoRules([{ pattern: "\\bbook now\\b", flags: "i" }]), imperatives: { book: ["book"], contact: ["call"], leadIns: [] } },
      ["Kestrel Physio"],
    );
    expect(m.match("Call us or book now.")).toEqual({ kind: "pattern", index: 0, pattern: "\\bbook now\\b", flags: "i" });
    expect(m.match("Please call Kestrel Physio.")).toEqual({ kind: "function", rule: "imperative-contact", cue: "call" });
    expect(describeMatch(m.match("Book a session.")!)).toBe('asks the reader to book ("book")');
    expect(m.match("Kestrel Physio treats tendons.")).toBeNull();
    expect(m.match("Tendons heal slowly.")).toBeNull();
  });

  it("lists every tagged sentence of the corpus with its rule", async () => {
    const { approved, promo } = await fixtureCorpus();
    const found = promotionalSentences(approved, promo);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ articleId: "shockwave-therapy-basics", sentence: "Book your free consultation with our team today.", sectionPath: ["Who is shockwave therapy for?"] });
    expect(found[0]!.rule).toContain("pattern #1");
  });
});

describe("near-duplicate passages", () => {
  it("finds the paragraph two articles share, not the ones they merely have in common words", async () => {
    const { approved, promo } = await fixtureCorpus();
    const pairs = nearDuplicatePassages(approved, promo);
    expect(pairs).toHaveLength(1);
    const p = pairs[0]!;
    expect([p.a.articleId, p.b.articleId].sort()).toEqual(["shockwave-therapy-basics", "what-to-expect-from-shockwave-therapy"]);
    expect(p.a.text).toContain("loose clothing");
    expect(p.similarity).toBeGreaterThan(0.5);
    expect(p.similarity).toBeLessThan(1);
  });

  it("does not pair passages of the same article", () => {
    const text = "Wear loose clothing so the therapist can reach the treated area and arrive early to fill in the intake form.";
    expect(nearDuplicatePassages([article("one", `${text}\n\n${text}`)], noPromo)).toEqual([]);
  });
});

describe("contradicting figures", () => {
  it("groups the same kind of figure about the same thing and shows both sentences", async () => {
    const { approved, promo } = await fixtureCorpus();
    const found = findContradictions(approved, promo);
    const byDimension = new Map(found.map((c) => [c.dimension, c]));
    const length = byDimension.get("duration")!;
    expect(length.figures.map((f) => [f.articleId, f.value])).toEqual([
      ["shockwave-therapy-basics", "20 minutes"],
      ["what-to-expect-from-shockwave-therapy", "45 – 60 minutes"],
    ]);
    expect(length.figures[0]!.sentence).toBe("Each shockwave session lasts about 20 minutes, including a short warm-up of the tendon.");
    const count = byDimension.get("count:session")!;
    expect(count.figures.map((f) => f.value)).toEqual(["3", "5 – 6"]);
    // "ten minutes early" appears in two articles with the same value: not a contradiction.
    expect(found.flatMap((c) => c.figures).some((f) => f.sentence.includes("ten minutes"))).toBe(false);
    expect(found).toHaveLength(2);
  });

  it("works for any clinic's words and keeps different things apart", () => {
    const a = article("peel-basics", "## The appointment\n\nA chemical peel appointment takes 30 minutes.\n\n## Recovery\n\nSkin flakes for 5 to 7 days after a peel.");
    const b = article("peel-faq", "## How long is the appointment?\n\nPlan on 60 to 90 minutes for your peel appointment.\n\n## Cost\n\nAbout 80% of patients choose a package.");
    const c = article("peel-aftercare", "## After the peel\n\nSkin flakes for 5 to 7 days, so moisturize twice a day.");
    const found = findContradictions([a, b, c], noPromo);
    expect(found).toHaveLength(1);
    expect(found[0]!.figures.map((f) => `${f.articleId}: ${f.value}`)).toEqual(["peel-basics: 30 minutes", "peel-faq: 1 – 1.5 hours"]);
  });

  it("does not chain a session length to an illness's duration through a shared verb", () => {
    const a = article("a", "Each session lasts about an hour.\n\nChronic symptoms last at least three months.");
    const b = article("b", "Sessions last 1 to 2 hours.\n\nSymptoms are chronic when they last three months or more.");
    const found = findContradictions([a, b], noPromo);
    expect(found).toHaveLength(1);
    expect(found[0]!.figures.map((f) => f.value)).toEqual(["1 hour", "1 – 2 hours"]);
  });

  it("never pairs figures only because they are about the same people ('for women under 35')", () => {
    // Issue #14 (fertility trial): two treatments' success rates paired through "women".
    const a = article("iui", "## Success\n\nFor women under 35, the chance of pregnancy with IUI is roughly 10% per cycle.");
    const b = article("ivf", "## Success\n\nFor women under 35, the chance of a live birth from each IVF embryo transfer is around 35%.");
    expect(findContradictions([a, b], noPromo)).toEqual([]);
  });

  it("pairs figures only about the same subject: two visit lengths, not a visit and a healing time that share words", () => {
    // Issue #14: the old finder paired how long a visit lasts with how long tenderness or healing takes
    // when the sentences shared words ("mild", "usually lasts", "cleaning"); only the visit lengths disagree.
    const a = article("cleaning-visit", "## Your cleaning visit\n\nA cleaning visit usually lasts about an hour.\n\n## Afterwards\n\nMild soreness after a cleaning usually lasts 1 to 2 days.");
    const b = article("visit-faq", "## How long is a cleaning visit?\n\nPlan on 1 to 2 hours for your cleaning visit.\n\n## Healing\n\nMild gum tenderness after a deep cleaning usually lasts 3 to 5 days.");
    const c = article("numbing", "## After your cleaning visit\n\nThe numbness usually wears off after two to four hours.");
    const found = findContradictions([a, b, c], noPromo);
    expect(found.map((f) => f.figures.map((x) => `${x.articleId}: ${x.value}`))).toEqual([["cleaning-visit: 1 hour", "visit-faq: 1 – 2 hours"]]);
    expect(found[0]!.about).toContain("visit");
  });

  it("never pairs times counted from different events, or a chance with a share of something else", () => {
    // Issue #14 (fertility trial): a pregnancy test 16 days after insemination and 11 days after a
    // transfer, and a 70-80% chance of a birth beside the share of eggs that are mature.
    const a = article("iui", "## The test\n\nYou can do a home pregnancy test 16 days after insemination.\n\n## Eggs\n\nFreezing eggs gives roughly a 70–80% chance of a live birth.");
    const b = article("ivf", "## The wait\n\nA urine pregnancy test is done 11 days after a day-5 transfer.\n\n## Eggs\n\nOn average, about 80% of eggs collected are mature.");
    expect(findContradictions([a, b], noPromo)).toEqual([]);
    // The same event with different times is still shown.
    const c = article("iui-faq", "## Testing\n\nTake a pregnancy test 14 days after insemination.");
    const found = findContradictions([a, c], noPromo);
    expect(found.map((f) => f.figures.map((x) => `${x.articleId}: ${x.value}`))).toEqual([["iui: 16 days after", "iui-faq: 2 weeks after"]]);
  });
});
