/**
 * Turns the model's sentences into cited reply text, one sentence at a time:
 * citations to passages that were not retrieved are removed, each sentence is
 * verified against the passages it cites (answer/verify.ts) and dropped when
 * unsupported, surviving citations are renumbered 1..k in order of first use,
 * and each citation quotes verbatim passage text. Pure: no I/O, no clock.
 */
import type { Citation } from "../../contract.js";
import type { Chunk } from "../../types.js";
import { chunkSentences, type SentenceRef } from "../extractive.js";
import type { CitedText } from "../reply.js";
import { normalizeWhitespace, splitSentences } from "../text.js";
import { DEFAULT_VERIFY, extractFacts, verifySentence, type VerifyOptions, type VerifyReason } from "../verify.js";
import { contentTerms, termWeight } from "../../retrieve/terms.js";
import type { PromptPassage } from "./prompt.js";
import type { GroundedSentence } from "./schema.js";

export interface NumberedPassage {
  /** The number the model sees and cites (1..k, retrieval order). */
  n: number;
  chunk: Chunk;
}

export function numberPassages(chunks: Chunk[], max: number): NumberedPassage[] {
  return chunks.slice(0, max).map((chunk, i) => ({ n: i + 1, chunk }));
}

export function toPromptPassages(passages: NumberedPassage[]): PromptPassage[] {
  return passages.map(({ n, chunk }) => ({ n, title: chunk.title, section: chunk.section, text: chunk.text }));
}

/** Text a sentence is verified against: the sentences of the passage it cites. */
function evidenceText(chunk: Chunk): string {
  return chunk.text;
}

/** What the passage is about: its article's title and the headings above it (their nouns may name the passage's subject). */
function evidenceContext(chunks: Chunk[]): string[] {
  return [...new Set(chunks.flatMap((c) => [c.title, ...c.sectionPath]))];
}

/** Weighted share of a sentence's content terms present in a set of terms (for choosing quotes, not for verifying). */
function contentSupport(sentence: string, terms: Set<string>): { support: number } {
  const own = new Set(contentTerms(sentence));
  let total = 0;
  let hit = 0;
  for (const t of own) {
    const w = termWeight(t);
    total += w;
    if (terms.has(t)) hit += w;
  }
  return { support: total === 0 ? 0 : hit / total };
}

export type DropReason = Exclude<VerifyReason, "ok"> | "duplicate" | "over_limit" | "question";

export type SentenceOutcome = { accepted: true; text: string } | { accepted: false; reason: DropReason };

export interface GroundingStats {
  accepted: number;
  dropped: Partial<Record<DropReason, number>>;
  /** Citations to passage numbers the model was not given. */
  fabricatedCitations: number;
}

export interface GroundingOptions {
  verify: VerifyOptions;
  maxSentences: number;
}

export const DEFAULT_GROUNDING: GroundingOptions = { verify: DEFAULT_VERIFY, maxSentences: 5 };

const MARKER = /\s*\[\s*\d+(?:\s*,\s*\d+)*\s*\]/g;

interface Accepted {
  text: string;
  passages: NumberedPassage[];
}

export class GroundedAnswerBuilder {
  private readonly byNumber: Map<number, NumberedPassage>;
  private readonly accepted: Accepted[] = [];
  /** Passage number (as the model saw it) → number shown to the patient. */
  private readonly display = new Map<number, number>();
  private readonly stats: GroundingStats = { accepted: 0, dropped: {}, fabricatedCitations: 0 };

  constructor(
    passages: NumberedPassage[],
    private readonly options: GroundingOptions = DEFAULT_GROUNDING,
  ) {
    this.byNumber = new Map(passages.map((p) => [p.n, p]));
  }

  /**
   * Verifies one sentence from the model. Accepted sentences come back as
   * reply text with their (renumbered) markers, ready to show.
   */
  add(sentence: GroundedSentence): SentenceOutcome[] {
    const cited = [...new Set(sentence.citations)];
    const known = cited.filter((n) => this.byNumber.has(n));
    this.stats.fabricatedCitations += cited.length - known.length;
    // The model sometimes writes two sentences in one item: each must stand on its own.
    const parts = splitSentences(normalizeWhitespace(sentence.text.replace(MARKER, "")));
    if (parts.length === 0) return [this.drop("no_content")];
    return parts.map((part) => this.addOne(part, known.map((n) => this.byNumber.get(n)!)));
  }

  private addOne(text: string, cited: NumberedPassage[]): SentenceOutcome {
    if (this.accepted.length >= this.options.maxSentences) return this.drop("over_limit");
    // An answer states things; a question (often an article's rhetorical one) is not a claim a citation can back.
    if (/\?["”’)]*$/.test(text)) return this.drop("question");
    const key = text.toLowerCase();
    if (this.accepted.some((a) => a.text.toLowerCase() === key)) return this.drop("duplicate");
    const verdict = verifySentence(text, cited.map((p) => evidenceText(p.chunk)), this.options.verify, evidenceContext(cited.map((p) => p.chunk)));
    if (!verdict.ok) return this.drop(verdict.reason as DropReason);

    const passages = this.pruneCitations(text, cited);
    this.accepted.push({ text, passages });
    this.stats.accepted++;
    const markers = passages.map((p) => {
      if (!this.display.has(p.n)) this.display.set(p.n, this.display.size + 1);
      return `[${this.display.get(p.n)}]`;
    });
    return { accepted: true, text: `${text} ${markers.join("")}` };
  }

  /** Keeps only cited passages that contribute something the sentence says, if the rest still verify it. */
  private pruneCitations(text: string, cited: NumberedPassage[]): NumberedPassage[] {
    if (cited.length < 2) return cited;
    const terms = new Set(contentTerms(text).filter((t) => termWeight(t) === 1));
    const numbers = extractFacts(text).numbers;
    const contributing = cited.filter((p) => {
      const evidence = evidenceText(p.chunk);
      const pTerms = new Set(contentTerms(evidence));
      const pNumbers = extractFacts(evidence).numbers;
      return [...terms].some((t) => pTerms.has(t)) || [...numbers].some((n) => pNumbers.has(n));
    });
    if (contributing.length === cited.length || contributing.length === 0) return cited;
    const still = verifySentence(text, contributing.map((p) => evidenceText(p.chunk)), this.options.verify, evidenceContext(contributing.map((p) => p.chunk)));
    return still.ok ? contributing : cited;
  }

  private drop(reason: DropReason): SentenceOutcome {
    this.stats.dropped[reason] = (this.stats.dropped[reason] ?? 0) + 1;
    return { accepted: false, reason };
  }

  get acceptedCount(): number {
    return this.accepted.length;
  }

  summary(): GroundingStats {
    return { ...this.stats, dropped: { ...this.stats.dropped } };
  }

  /** The verified answer, or null when nothing survived. */
  result(): CitedText | null {
    if (this.accepted.length === 0) return null;
    const text = this.accepted
      .map((a) => `${a.text} ${a.passages.map((p) => `[${this.display.get(p.n)}]`).join("")}`)
      .join(" ");
    const citations: Citation[] = [...this.display.entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([n, shown]) => {
        const { chunk } = this.byNumber.get(n)!;
        const citing = this.accepted.filter((a) => a.passages.some((p) => p.n === n)).map((a) => a.text);
        return { n: shown, articleId: chunk.articleId, title: chunk.title, section: chunk.section, url: chunk.url, quote: quoteFor(chunk, citing) };
      });
    return { text, citations };
  }
}

/** Longest quote, in sentences: beyond this the quote stops being a pointer and becomes the article. */
const MAX_QUOTE_SENTENCES = 4;

function overlapScore(ref: SentenceRef, sentence: string): number {
  const own = new Set(contentTerms(ref.text));
  const { support } = contentSupport(sentence, own);
  const facts = extractFacts(sentence).numbers;
  const refFacts = extractFacts(ref.text).numbers;
  const numberHits = [...facts].filter((f) => refFacts.has(f)).length;
  return support + 0.25 * numberHits;
}

/**
 * The passage text that supports the citing sentences, verbatim: for each
 * citing sentence its best-matching passage sentence, as one contiguous span
 * of one line (quotes never cross a paragraph or list item).
 */
export function quoteFor(chunk: Chunk, citingSentences: string[]): string {
  const refs = chunkSentences(chunk);
  if (refs.length === 0) return normalizeWhitespace(chunk.text.split("\n")[0] ?? chunk.text);
  const best = citingSentences.map((s) => {
    let top = refs[0]!;
    let topScore = -1;
    for (const ref of refs) {
      const score = overlapScore(ref, s);
      if (score > topScore) {
        top = ref;
        topScore = score;
      }
    }
    return { ref: top, score: topScore };
  });
  best.sort((a, b) => b.score - a.score);
  const anchor = best[0]!.ref;
  const sameLine = best.map((b) => b.ref).filter((r) => r.line === anchor.line);
  const from = Math.min(...sameLine.map((r) => r.index));
  const to = Math.max(...sameLine.map((r) => r.index));
  const span = to - from + 1 <= MAX_QUOTE_SENTENCES ? refs.filter((r) => r.line === anchor.line && r.index >= from && r.index <= to) : [anchor];
  return span.map((r) => r.text).join(" ");
}
