/**
 * Sections no eval question reaches: every suite question goes through the
 * real assistant (routing, typo repair, retrieval), and a section counts as
 * reached when one of its chunks ranks in a question's top K passages.
 */
import type { Turn } from "../contract.js";
import type { Assistant, Chunk } from "../types.js";
import { sectionLabel } from "./corpus-text.js";
import type { ArticleInventory } from "./inventory.js";

export interface SuiteQuestion {
  suite: string;
  id: string;
  question: string;
  history?: Turn[];
}

export interface SectionReach {
  articleId: string;
  label: string;
  /** How many suite questions ranked one of its chunks in their top K. */
  questions: number;
}

export interface ReachResult {
  topK: number;
  suites: string[];
  questions: number;
  sections: SectionReach[];
  /** Sections with searchable text that no question reached. */
  unreached: SectionReach[];
}

/** Pure: which sections the ranked chunk ids (one list per question) reach. */
export function sectionReach(inventory: ArticleInventory[], rankings: string[][], chunksById: ReadonlyMap<string, Chunk>, topK: number, suites: string[]): ReachResult {
  const counts = new Map<string, number>();
  const key = (articleId: string, label: string) => `${articleId}\u0000${label}`;
  for (const ranked of rankings) {
    const reached = new Set<string>();
    for (const id of ranked.slice(0, topK)) {
      const c = chunksById.get(id);
      if (c) reached.add(key(c.articleId, sectionLabel(c.sectionPath)));
    }
    for (const k of reached) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sections = inventory.flatMap((a) =>
    a.sections.filter((s) => s.searchable > 0).map((s) => ({ articleId: a.id, label: s.label, questions: counts.get(key(a.id, s.label)) ?? 0 })),
  );
  return { topK, suites, questions: rankings.length, sections, unreached: sections.filter((s) => s.questions === 0) };
}

/** The edge: asks the assistant each question and keeps the ranked chunk ids behind its reply. */
export async function rankQuestions(assistant: Assistant, questions: SuiteQuestion[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const [i, q] of questions.entries()) {
    const request = q.history && q.history.length > 0 ? { message: q.question, history: q.history } : { message: q.question };
    const { trace } = await assistant.respond(request, `doctor-reach-${i}`);
    out.push(trace.passages.map((p) => p.chunkId));
  }
  return out;
}
