import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_VERIFY, type VerifyOptions } from "../../../src/answer/verify.js";
import { verifierResources } from "../../../src/answer/claims/resources.js";
import { installedWordNet } from "../../../src/answer/claims/wordnet-files.js";
import { loadLexicon } from "../../../src/retrieve/lexicon.js";
/** Small inline passages (article-style text) and answer inputs for the LLM-mode tests. */
import type { AnswerInput } from "../../../src/answer/answerer.js";
import { compileLexicon } from "../../../src/retrieve/lexicon.js";
import { createUnderstanding } from "../../../src/understand/index.js";
import { contentTerms } from "../../../src/retrieve/terms.js";
import type { Chunk } from "../../../src/types.js";

function chunk(id: string, title: string, section: string, text: string): Chunk {
  const [articleId, ordinal] = id.split("#") as [string, string];
  return { id, articleId, title, url: `https://clinic.example/articles/${articleId}`, section, sectionPath: [section], text, listLines: [], promotional: false, ordinal: Number(ordinal) };
}

export const SESSION = chunk(
  "what-to-know#2",
  "What to Know About Ketamine Therapy",
  "What happens during a session",
  [
    "Each infusion takes about 40 minutes, and most patients go home within two hours. A companion should drive you home because you should not drive for the rest of the day.",
    "Common side effects include nausea, dizziness and blurred vision. They usually fade within a few hours after the infusion ends.",
  ].join("\n"),
);

export const DURATION = chunk(
  "how-long-relief-lasts#1",
  "How Long Does Ketamine Pain Relief Last?",
  "How long relief lasts",
  [
    "Some patients experience relief for a few hours, while others report lasting effects for days or even weeks.",
    "Some individuals may need maintenance infusions at 3-6 month intervals, while others may only require occasional therapy.",
  ].join("\n"),
);

export const PLAN = chunk(
  "chronic-pain-ketamine#3",
  "Chronic Pain Treatment: Is Ketamine Therapy Effective?",
  "Treatment plan",
  "A typical treatment consists of multiple sessions over the course of six weeks. Ketamine is not an opioid, and it works on NMDA receptors in the brain instead.",
);

export const ALL_CHUNKS = [SESSION, DURATION, PLAN];

/** An answer input as the assistant builds it: passages in retrieval order, key terms from the question. */
export function answerInput(question: string, passages: Chunk[] = ALL_CHUNKS, signal?: AbortSignal): AnswerInput {
  const analysis = createUnderstanding(ALL_CHUNKS, compileLexicon({ entries: [] })).analyze(question);
  return {
    question,
    passages: passages.map((c, i) => ({ chunk: c, score: 1 - i * 0.1, bm25: 1, dense: 0 })),
    analysis,
    expansionTerms: [],
    ...(signal ? { signal } : {}),
  };
}

/** The verifier as the Node runtime runs it: WordNet and the clinic lexicon as paraphrase sources. */
/** The verifier as LLM mode runs it for one example clinic: WordNet, the default lexicon and the clinic's own, if any. */
export async function verifyOptionsWithWordNet(clinic = "ketamine-pain"): Promise<VerifyOptions> {
  const files = ["defaults", clinic].map((dir) => path.resolve(import.meta.dirname, `../../../corpus/${dir}/lexicon.yaml`));
  const lexicon = await loadLexicon(files.filter((f) => existsSync(f)));
  return { ...DEFAULT_VERIFY, resources: verifierResources(lexicon, installedWordNet()) };
}
