/**
 * The default answerer: picks 1–4 sentences verbatim from retrieved passages.
 * It cannot say anything the corpus does not say, by construction.
 */
import type { Chunk } from "../types.js";
import { coverageOf, type KeyTerm } from "../retrieve/evidence.js";
import { contentTerms } from "../retrieve/terms.js";
import { countWords, splitSentences } from "./text.js";

export interface SentenceRef {
  text: string;
  chunk: Chunk;
  /** Line of `chunk.text` the sentence is on, and its position in that line. */
  line: number;
  index: number;
}

interface Candidate extends SentenceRef {
  score: number;
  coverage: number;
  terms: Set<string>;
  passageRank: number;
}

export interface ComposeOptions {
  maxSentences: number;
  /** The best sentence must cover at least this share of the question's key terms, or there is no answer. */
  minSentenceCoverage: number;
  /** A sentence joins the answer only when it scores at least this share of the best one. */
  relativeThreshold: number;
}

export const DEFAULT_COMPOSE: ComposeOptions = { maxSentences: 4, minSentenceCoverage: 0.6, relativeThreshold: 0.75 };

// "Individuals with these conditions…": a demonstrative early on points at the previous sentence.
const REFERS_BACK = /^(?:\S+\s+){0,3}(these|those|such)\b/i;
const ANAPHORA = /^(these|this|it|they|such|that|those|however|moreover|furthermore|additionally|also)\b/i;
const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?(?:\s*(?:-|to|or)\s*\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few|several|multiple|many|half|a couple of)`;
const DURATION_UNIT = String.raw`(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)`;

/**
 * What kind of figure the question asks for, as a pattern a sentence must
 * contain to answer it: "how long" wants a duration, "how many sessions" a
 * count of sessions, "how often" a frequency. Null for other questions.
 */
export function quantityPattern(question: string): RegExp | null {
  const q = question.toLowerCase();
  if (/\bhow (long|much time)\b|\bduration\b|\blength of\b/.test(q)) {
    return new RegExp(String.raw`\b${NUMBER}\b[^.]{0,20}?\b${DURATION_UNIT}\b|\ban? (?:hour|day|week|month|year)\b|\b${DURATION_UNIT} (?:or|to) (?:days|weeks|months|years)\b`, "i");
  }
  const many = /\bhow many ([a-z]+)|\bnumber of ([a-z]+)/.exec(q);
  if (many) {
    const noun = (many[1] ?? many[2] ?? "").replace(/s$/, "");
    return new RegExp(String.raw`\b${NUMBER}\b[^.]{0,25}?\b${noun}s?\b|\bnumber of ${noun}s?\b|\bseries of\b`, "i");
  }
  if (/\bhow often\b|\bfrequency\b|\bhow frequently\b/.test(q)) {
    return new RegExp(String.raw`\bevery\b|\bintervals?\b|\b(daily|weekly|monthly)\b|\b${NUMBER}\b[^.]{0,25}?\b${DURATION_UNIT}\b|\bfrequency\b`, "i");
  }
  return null;
}

/** Sentences of a chunk with their line/position, so adjacent ones can be quoted as one span. */
export function chunkSentences(chunk: Chunk): SentenceRef[] {
  const out: SentenceRef[] = [];
  chunk.text.split("\n").forEach((lineText, line) => {
    splitSentences(lineText).forEach((text, index) => out.push({ text, chunk, line, index }));
  });
  return out;
}

function usable(sentence: string): boolean {
  return countWords(sentence) >= 5 && !/\?["”’)]*$/.test(sentence);
}

function termOverlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / Math.max(1, Math.min(a.size, b.size));
}

export interface ComposeInput {
  question: string;
  passages: Array<{ chunk: Chunk; score: number }>;
  keys: KeyTerm[];
  expansionTerms: string[];
}

/** Chooses the sentences that answer the question best, in reading order. Empty when nothing fits. */
export function selectSentences(input: ComposeInput, options: ComposeOptions = DEFAULT_COMPOSE): SentenceRef[] {
  const expansion = new Set(input.expansionTerms);
  // "How long…?" wants a duration, "how many…?" a number: sentences that carry one answer the question's form.
  const quantity = quantityPattern(input.question);
  const candidates: Candidate[] = [];
  input.passages.forEach((p, passageRank) => {
    const sectionTerms = new Set(contentTerms(p.chunk.sectionPath.join(" ")));
    const headingWeight = p.chunk.section?.trim().endsWith("?") ? 1 : 0.5;
    const sectionCoverage = coverageOf(input.keys, sectionTerms);
    for (const ref of chunkSentences(p.chunk)) {
      if (!usable(ref.text)) continue;
      const terms = new Set(contentTerms(ref.text));
      // A heading is part of what its sentences mean ("Common Side Effects" → "Nausea is…"),
      // but a match only in the heading counts half — fully when the heading is the
      // question its section answers (FAQ style).
      const ownCoverage = coverageOf(input.keys, terms);
      const withHeading = coverageOf(input.keys, new Set([...terms, ...sectionTerms]));
      const coverage = ownCoverage + headingWeight * (withHeading - ownCoverage);
      const expansionHits = [...expansion].filter((t) => terms.has(t)).length;
      const words = countWords(ref.text);
      const lengthPenalty = words > 45 ? 0.1 : words < 8 ? 0.05 : 0;
      const quantityBonus = quantity && coverage > 0 && quantity.test(ref.text) ? 0.3 : 0;
      const relevance = coverage + 0.25 * sectionCoverage * (coverage > 0 ? 1 : 0.3) + 0.05 * Math.min(expansionHits, 2) + quantityBonus;
      // Sentences from weakly retrieved passages count for less.
      const score = relevance * (0.6 + 0.4 * p.score) - lengthPenalty;
      candidates.push({ ...ref, score, coverage, terms, passageRank });
    }
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
  const best = candidates[0]!;
  if (input.keys.length > 0 && best.coverage < options.minSentenceCoverage) return [];

  const chosen: Candidate[] = [best];
  const isDuplicate = (c: Candidate) => chosen.some((x) => x.text === c.text || termOverlap(x.terms, c.terms) > 0.8);
  for (const c of candidates.slice(1)) {
    if (chosen.length >= options.maxSentences - 1) break;
    if (c.score < best.score * options.relativeThreshold || c.coverage === 0 || isDuplicate(c)) continue;
    chosen.push(c);
  }

  // Different articles giving different figures for the same thing: show each, cited.
  if (quantity && quantity.test(best.text)) {
    for (const c of candidates) {
      if (chosen.some((x) => x.chunk.articleId === c.chunk.articleId)) continue;
      if (!quantity.test(c.text) || c.coverage < best.coverage * 0.8 || isDuplicate(c)) continue;
      if (chosen.length >= options.maxSentences - 1) chosen.pop();
      chosen.push(c);
      break;
    }
  }

  // A sentence that opens with "These…"/"It…" needs the one before it to make sense.
  const withContext: SentenceRef[] = [];
  for (const c of chosen) {
    if ((ANAPHORA.test(c.text) || REFERS_BACK.test(c.text)) && c.index > 0) {
      const prev = chunkSentences(c.chunk).find((s) => s.line === c.line && s.index === c.index - 1);
      if (prev && usable(prev.text) && !withContext.some((s) => s.chunk.id === prev.chunk.id && s.line === prev.line && s.index === prev.index)) {
        withContext.push(prev);
      }
    }
    if (!withContext.some((s) => s.chunk.id === c.chunk.id && s.line === c.line && s.index === c.index)) withContext.push(c);
  }
  const limited = withContext.slice(0, options.maxSentences);

  // Reading order: passages in order of their best sentence, sentences in document order within a passage.
  const chunkOrder: string[] = [];
  for (const s of limited) if (!chunkOrder.includes(s.chunk.id)) chunkOrder.push(s.chunk.id);
  return limited.sort(
    (a, b) => chunkOrder.indexOf(a.chunk.id) - chunkOrder.indexOf(b.chunk.id) || a.line - b.line || a.index - b.index,
  );
}
