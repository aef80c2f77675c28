/**
 * On-topic is learned from the clinic's own articles: a small made-up
 * hearing clinic (not the demo corpus) gets its own topic, and the same
 * message is routed differently for a clinic whose articles are about
 * something else.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicRules, EXAMPLE_CLINIC_DIR } from "../../helpers/rules.js";
import { routeMessage, sanitizeInput, type SafetyRules } from "../../../src/route/index.js";
import { compileTopic, deriveTopic, keyness, topicTermsIn, type ReferenceCounts, type Topic } from "../../../src/route/topic.js";
import { corpusTopic } from "../../helpers/topic.js";

const root = path.resolve(import.meta.dirname, "../../..");

const article = (id: string, title: string, body: string) =>
  `---\nid: ${id}\ntitle: "${title}"\npublisher: Quietbrook Hearing\nreviewed: 2026-01-10\nstatus: approved\n---\n# ${title}\n\n${body}\n`;

const HEARING = {
  "tinnitus-basics": article(
    "tinnitus-basics",
    "Living With Tinnitus",
    "## What is tinnitus?\n\nTinnitus is a ringing, buzzing or hissing sound in the ears that others cannot hear. Many people notice tinnitus more at night, when the room is quiet.\n\n" +
      "## What makes tinnitus louder?\n\nStress, loud concerts, caffeine and poor sleep can make tinnitus louder for a while. Sound therapy and hearing aids often make tinnitus less noticeable.",
  ),
  "hearing-aids": article(
    "hearing-aids",
    "Choosing Hearing Aids",
    "## Types of hearing aids\n\nBehind-the-ear hearing aids suit most kinds of hearing loss. In-the-canal hearing aids are smaller but have shorter battery life.\n\n" +
      "## Getting used to hearing aids\n\nMost people need two to four weeks to adjust. Your audiologist fine-tunes the hearing aids at follow-up visits, and wax guards should be changed monthly.",
  ),
};

async function writeClinic(dir: string, articles: Record<string, string>) {
  await mkdir(path.join(dir, "articles"), { recursive: true });
  await writeFile(path.join(dir, "promotional.yaml"), "patterns:\n  - pattern: 'book now'\n");
  for (const [id, text] of Object.entries(articles)) await writeFile(path.join(dir, "articles", `${id}.md`), text);
}

describe("deriveTopic / compileTopic", () => {
  const reference: ReferenceCounts = { name: "test", counts: new Map([["night", 500], ["good", 800], ["ear", 3]]), total: 100_000 };

  it("keeps the stems the corpus uses far more than the reference does, and drops framing words", () => {
    const data = deriveTopic(["Tinnitus at night is common. A good night's sleep helps tinnitus.", "Ear wax and tinnitus, week by week."], reference);
    expect(data.terms["tinnitu"]).toEqual([3, 0]);
    expect(data.terms["night"]).toEqual([2, 500]);
    const topic = compileTopic(data);
    expect(topic.keyTerms.has("tinnitu")).toBe(true);
    expect(topic.keyTerms.has("ear")).toBe(true);
    // Common in English (reference), so not what the corpus is about.
    expect(topic.keyTerms.has("night")).toBe(false);
    expect(topic.keyTerms.has("good")).toBe(false);
    // Rare in the reference but a unit of time: frames questions in every clinic.
    expect(topic.keyTerms.has("week")).toBe(false);
  });

  it("scores keyness as a ratio of relative frequencies", () => {
    expect(keyness(10, 0, { corpusTotal: 100, referenceTotal: 1000 })).toBeCloseTo(100);
    expect(keyness(1, 99, { corpusTotal: 100, referenceTotal: 1000 })).toBeCloseTo(0.1);
    expect(keyness(1, 0, { corpusTotal: 0, referenceTotal: 1000 })).toBe(0);
  });
});

describe("a made-up hearing clinic", () => {
  let dir: string;
  let hearing: Topic;
  let rules: SafetyRules;
  let otherClinic: SafetyRules;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "faq-topic-"));
    await writeClinic(path.join(dir, "hearing"), HEARING);
    hearing = await corpusTopic(path.join(dir, "hearing"));
    rules = clinicRules(path.join(dir, "hearing"), hearing);
    // The demo clinic's articles say nothing about ears.
    otherClinic = clinicRules(EXAMPLE_CLINIC_DIR, await corpusTopic(EXAMPLE_CLINIC_DIR));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const route = (message: string, with_: SafetyRules) => routeMessage(sanitizeInput(message), with_);

  it("learns the clinic's subject from its articles", () => {
    expect(topicTermsIn("does my tinnitus get worse with hearing aids?", hearing)).toEqual(expect.arrayContaining(["tinnitu", "hear", "aid"]));
    expect(topicTermsIn("who won the game last night?", hearing)).toEqual([]);
  });

  it("answers a question that contains an off-topic trigger word when the rest is about the clinic's subject", () => {
    for (const message of ["does cold weather make tinnitus worse?", "can I wear my hearing aids to watch the world cup?"]) {
      expect(route(message, rules), message).toEqual({ kind: "question", rule: null });
      // The same words are a trivia request for a clinic whose articles never mention them.
      expect(route(message, otherClinic).kind, message).toBe("off_topic");
    }
  });

  it("still declines trivia, recipes, creative and code requests, whatever they mention", () => {
    expect(route("who won the game last night?", rules).kind).toBe("off_topic");
    expect(route("what's the weather forecast for next week?", rules).kind).toBe("off_topic");
    expect(route("write a poem about my hearing aids", rules).kind).toBe("off_topic");
    expect(route("write python code that detects tinnitus", rules).kind).toBe("off_topic");
  });
});
