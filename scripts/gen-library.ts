/**
 * `npx tsx scripts/gen-library.ts --out DIR [--articles 1000] [--seed 42]`:
 * writes a synthetic article library (varied generated text, deterministic
 * for a seed) for index-time benchmarks. Not clinical content: words are
 * drawn from generic lists, so it says nothing and must never be served.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { seededRandom } from "../src/seeded-random.js";


const NOUNS = (
  "visit session appointment therapist clinician nurse patient schedule plan assessment exercise stretch joint muscle tendon ligament " +
  "posture balance strength range motion recovery week month day hour minute form insurance payment referral record result scan " +
  "skin cream lotion rash patch spot mole dose tablet injection spray drip infusion chair room parking lobby family partner driver " +
  "sleep diet water meal coffee habit goal progress setback flare pain ache swelling stiffness fatigue nausea dizziness headache " +
  "program routine handout video portal message phone email follow-up check-in review benefit risk option alternative question answer"
).split(" ");
const VERBS = (
  "helps reduces improves supports explains requires includes follows measures tracks changes lowers eases builds protects restores " +
  "prepares guides shortens extends combines replaces complements monitors adjusts"
).split(" ");
const ADJECTIVES = (
  "gentle short long regular daily weekly mild moderate common rare careful simple detailed personal general early late steady " +
  "gradual quick slow safe comfortable private usual typical first final new previous"
).split(" ");
const OPENERS = ["Most patients find that", "In many cases,", "Your clinician will explain how", "Before the first visit,", "After each session,", "Over the following weeks,", "If anything changes,", "For most people,"];
const HEADINGS = ["What to expect", "How long it takes", "Preparing for your visit", "After your visit", "Costs and insurance", "Common questions", "Risks and side effects", "Who it is for", "How many visits", "Getting the most from it"];
const CTA = "Call our front desk to book your first consultation today, and ask about our new patient welcome package.";

export interface LibraryOptions {
  articles: number;
  seed: number;
}

/** The articles' Markdown files (name → text), generated deterministically. */
export function generateLibrary({ articles, seed }: LibraryOptions): Map<string, string> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sentence = () => {
    const words = [pick(OPENERS), "the", pick(ADJECTIVES), pick(NOUNS), pick(VERBS), "the", pick(NOUNS)];
    for (let i = 0, n = 2 + Math.floor(rnd() * 8); i < n; i++) words.push(rnd() < 0.3 ? pick(ADJECTIVES) : rnd() < 0.5 ? pick(["and", "with", "for", "during", "before", "after", "of"]) : pick(NOUNS));
    return `${words.join(" ")}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, sentence).join(" ");
  const files = new Map<string, string>();
  for (let a = 0; a < articles; a++) {
    const topic = `${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(NOUNS)}`;
    const id = `article-${String(a + 1).padStart(4, "0")}`;
    const title = `Article ${a + 1}: the ${topic}`;
    const sections: string[] = [`# ${title}`, "", paragraph()];
    const count = 4 + Math.floor(rnd() * 4);
    for (let s = 0; s < count; s++) {
      sections.push("", `## ${pick(HEADINGS)}`, "", paragraph());
      if (rnd() < 0.5) sections.push("", paragraph());
      if (rnd() < 0.3) sections.push("", ...Array.from({ length: 3 }, () => `- ${sentence()}`));
    }
    // Syndicated boilerplate: the near-duplicate pass has real work to do.
    if (rnd() < 0.3) sections.push("", "## Book a visit", "", CTA);
    const front = ["---", `id: ${id}`, `title: ${JSON.stringify(title)}`, "publisher: Synthetic Clinic", "reviewed: 2026-01-01", "status: approved", "---"];
    files.set(`${id}.md`, `${front.join("\n")}\n${sections.join("\n")}\n`);
  }
  return files;
}

export async function writeLibrary(dir: string, options: LibraryOptions): Promise<number> {
  await mkdir(dir, { recursive: true });
  const files = generateLibrary(options);
  for (const [name, text] of files) await writeFile(path.join(dir, name), text);
  return files.size;
}

const Args = z.object({
  out: z.string({ message: "--out DIR is required (the articles folder to write)" }).min(1),
  articles: z.coerce.number().int().min(1).max(100_000).default(1000),
  seed: z.coerce.number().int().default(42),
});

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, articles: { type: "string" }, seed: { type: "string" } } });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exit(2);
  }
  const n = await writeLibrary(parsed.data.out, parsed.data);
  console.log(`${n} synthetic articles → ${parsed.data.out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
