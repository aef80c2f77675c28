/**
 * `npx tsx scripts/sentence-labels.ts [GRADED_DIR]`: rebuilds
 * test/fixtures/answers/sentence-labels.jsonl, the labelled sentences the
 * selection model is trained on, from the TUNING suites only:
 *
 * - graded: blind readers graded the engine's replies to the tuning halves
 *   sentence by sentence (GRADED_DIR/<clinic>-tuning.graded.yaml, default
 *   /work/blind/out/tgrades): a quoted sentence they listed as not helping is
 *   a negative; every other quoted sentence of a reply graded 1 is a positive
 *   (of a reply graded 0.5 or 0 the rest is left unlabelled: it may be the
 *   half that helped or a wrong answer);
 * - fact: a sentence of the top passages that holds one of the case's
 *   `expect.facts` phrases is a positive;
 * - weak: the other sentences of the top passages of a case with facts
 *   (they hold no expected fact, but may still be useful context).
 *
 * Written once and committed, so training never needs the grading sheets.
 * Held-out halves and their grades are never read.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { containsPhrase } from "../src/eval/checks.js";
import { usable } from "../src/answer/sentence-features.js";
import { chunkSentences } from "../src/understand/sentences.js";
import { ROOT } from "./answer-training.js";
import { captureCases, LABELS_FILE, sentenceKey, type SentenceLabel } from "./sentence-training.js";

/** Which tuning suite each clinic's grading sheet belongs to. */
const GRADED: Record<string, string> = {
  ketamine: "evals/ketamine-pain/blind-ketamine-tuning.yaml",
  physio: "evals/physio/blind-physio-tuning.yaml",
  derm: "evals/derm/blind-derm-tuning.yaml",
};

const GradedSheet = z.object({
  grades: z.array(
    z
      .object({
        id: z.string(),
        grade: z.union([z.literal(0), z.literal(0.5), z.literal(1)]),
        replyType: z.string(),
        replyText: z.string(),
        offTargetSentences: z.array(z.string()).nullable().default([]),
      })
      .passthrough(),
  ),
});

/** The quoted sentences of a reply, markers removed. */
function replySentences(text: string): string[] {
  return text
    .split(/\s*\[\d+\]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

async function gradedLabels(dir: string): Promise<SentenceLabel[]> {
  const out: SentenceLabel[] = [];
  for (const [clinic, suite] of Object.entries(GRADED)) {
    if (/heldout|held-out/.test(suite)) throw new Error(`${suite}: a held-out suite is never a label source`);
    const file = path.join(dir, `${clinic}-tuning.graded.yaml`);
    if (!existsSync(file)) {
      console.warn(`${file}: missing, no graded labels for ${clinic}`);
      continue;
    }
    const sheet = GradedSheet.parse(parse(await readFile(file, "utf8")));
    for (const g of sheet.grades) {
      if (g.replyType !== "answer") continue;
      const off = new Set((g.offTargetSentences ?? []).map(sentenceKey));
      for (const sentence of replySentences(g.replyText)) {
        const key = sentenceKey(sentence);
        if (off.has(key) || [...off].some((o) => o.includes(key) || key.includes(o))) out.push({ suite, case: g.id, sentence, label: 0, source: "graded" });
        else if (g.grade === 1) out.push({ suite, case: g.id, sentence, label: 1, source: "graded" });
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? "/work/blind/out/tgrades";
  const labels = await gradedLabels(dir);
  for (const c of await captureCases()) {
    if (c.expectType !== "answer" || c.facts.length === 0 || !c.input) continue;
    const seen = new Set<string>();
    for (const p of c.input.passages.slice(0, 10)) {
      for (const s of chunkSentences(p.chunk)) {
        const key = sentenceKey(s.text);
        if (!usable(s.text) || seen.has(key)) continue;
        seen.add(key);
        const fact = c.facts.some((group) => group.some((phrase) => containsPhrase(s.text, phrase)));
        labels.push({ suite: c.suite, case: c.id, sentence: s.text, label: fact ? 1 : 0, source: fact ? "fact" : "weak" });
      }
    }
  }
  const order = { graded: 0, fact: 1, weak: 2 } as const;
  labels.sort((a, b) => a.suite.localeCompare(b.suite) || a.case.localeCompare(b.case) || order[a.source] - order[b.source] || a.sentence.localeCompare(b.sentence));
  const file = path.join(ROOT, LABELS_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, labels.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const count = (source: string, label: number) => labels.filter((l) => l.source === source && l.label === label).length;
  console.log(`${LABELS_FILE}: ${labels.length} labels — graded +${count("graded", 1)} −${count("graded", 0)}, fact +${count("fact", 1)}, weak −${count("weak", 0)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
