/**
 * The default answerer: picks 1–4 sentences (or one list) verbatim from retrieved passages.
 * It cannot say anything the corpus does not say, by construction.
 *
 * Sentence choice uses the question analysis: for each part of the question,
 * the sentence that covers its topic terms (whole lexicon phrases, not loose
 * words) and carries the kind of answer asked for (a duration for "how
 * long…") wins; a sentence that opens with "This…/It…" brings the sentence it
 * refers to, or is not used alone. A question that names a subject the
 * articles head with as one term ("back pain", "dry needling") is answered
 * only from passages that name it. A question about a list as a whole
 * ("what should I bring?", "what are the warning signs?") gets the list, with
 * its lead-in; a question about one item gets that item with its lead-in.
 */
import type { Chunk } from "../types.js";
import { coverageOf } from "../retrieve/evidence.js";
import { contentTerms } from "../retrieve/terms.js";
import { carriesAnswerType, FIGURE_TYPES, type AnswerType } from "../understand/answer-type.js";
import type { QuestionAnalysis, TopicTerm } from "../understand/analyze.js";
import { chunkSentences, sentenceTerms, type SentenceRef } from "../understand/sentences.js";
import { headingTerms, nearStemPairs } from "../understand/corpus-stats.js";
import { chunkLists, inRun, LEAD_IN, type ListRun } from "../understand/lists.js";
import { countWords } from "./text.js";

export { chunkSentences, type SentenceRef };

interface Candidate extends SentenceRef {
  score: number;
  coverage: number;
  terms: Set<string>;
  /** Its own words, without the sentence it refers back to: what tells two sentences apart. */
  ownTerms: ReadonlySet<string>;
  passageRank: number;
  typed: boolean;
  /** The sentence it refers back to, when it opens with "This…/It…". */
  antecedent: SentenceRef | null;
}

export interface ComposeOptions {
  maxSentences: number;
  /** The best sentence must cover at least this share of a part's topic terms, or that part gets no sentence. */
  minSentenceCoverage: number;
  /** A sentence joins the answer only when it scores at least this share of the best one. */
  relativeThreshold: number;
  /** Passages whose sentences are considered. */
  passages: number;
}

/**
 * Whether the question is answerable is decided before this (the learned
 * answerability model); this floor only keeps a sentence that shares almost
 * nothing with a part from standing in for its answer.
 */
export const DEFAULT_COMPOSE: ComposeOptions = { maxSentences: 4, minSentenceCoverage: 0.3, relativeThreshold: 0.75, passages: 10 };

// "Individuals with these conditions…": a demonstrative early on points at the previous sentence.
const REFERS_BACK = /^(?:\S+\s+){0,3}(these|those|such)\b/i;
const ANAPHORA = /^(these|this|it|its|they|their|such|that|those|however|moreover|furthermore|additionally|also|both|then)\b/i;

/**
 * Sentences about the article rather than its subject ("This guide walks through the options…") and
 * scene-setting addressed to the reader ("Maybe your surgeon handed you a prescription…", "Whether you
 * are coming in for acne or a rash, a little preparation helps…") introduce an article; they never
 * answer a question, however many of its words they mention. English discourse patterns, not topics.
 */
const ABOUT_THE_ARTICLE = /\b(?:this|the following) (?:article|guide|post|page|blog|overview)\b/i;
const READER_SCENE = /^(?:(?:maybe|perhaps) (?:you|your)\b|whether you(?:'re| are)\b|imagine\b)/i;

function usable(sentence: string): boolean {
  return countWords(sentence) >= 5 && !/\?["”’)]*$/.test(sentence) && !ABOUT_THE_ARTICLE.test(sentence) && !READER_SCENE.test(sentence.replace(/’/g, "'"));
}

function termOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / Math.max(1, Math.min(a.size, b.size));
}

function previousSentence(ref: SentenceRef): SentenceRef | null {
  const all = chunkSentences(ref.chunk);
  const i = all.findIndex((s) => s.line === ref.line && s.index === ref.index);
  // Only within the same paragraph, or the paragraph just before: a heading line is not an antecedent.
  const prev = i > 0 ? all[i - 1]! : null;
  return prev && usable(prev.text) ? prev : null;
}

export interface ComposeInput {
  question: string;
  passages: Array<{ chunk: Chunk; score: number }>;
  analysis: QuestionAnalysis;
  expansionTerms: string[];
}

function scorePart(
  keys: TopicTerm[],
  type: AnswerType,
  passages: ComposeInput["passages"],
  expansion: Set<string>,
  inherited: readonly string[] = [],
  subjects: ReadonlyArray<readonly [string, string]> = [],
): Candidate[] {
  // "…and are they dangerous?" is about what "they" names: a sentence that names none of it (nor do its headings) answers something else.
  const aboutIt = inherited.length === 0 ? null : keys.filter((k) => inherited.includes(k.stem));
  const out: Candidate[] = [];
  passages.forEach((p, passageRank) => {
    // "sleeping position back pain" is about back pain: a passage on shoulder pain's "lie on your back" is not.
    if (subjects.length > 0 && !namesSubject(subjects, p.chunk)) return;
    const sectionTerms = headingTerms(p.chunk);
    const headingWeight = p.chunk.section?.trim().endsWith("?") ? 1 : 0.5;
    const sectionCoverage = coverageOf(keys, sectionTerms);
    const lists = chunkLists(p.chunk);
    const sentences = chunkSentences(p.chunk);
    for (const ref of sentences) {
      // A short list item ("Are pregnant") means what its lead-in says it means, and is quoted with it —
      // when the item itself names something asked about; otherwise every item would share its lead-in's match.
      const leadIn = (!usable(ref.text) && countWords(ref.text) >= 2 && coverageOf(keys, sentenceTerms(ref)) > 0 && lists.leadInOf.get(ref.line)) || null;
      // A lead-in ("Please bring:") is a candidate however short: chosen, it brings its list.
      const introduces = lists.leadIns.has(ref);
      if (!usable(ref.text) && !leadIn && !introduces) continue;
      const refers = ANAPHORA.test(ref.text) || REFERS_BACK.test(ref.text);
      // A later sentence of a list item is about what the item's first sentence names
      // ("**Spironolactone:** a pill that… Improvement usually becomes noticeable after about 3 months."):
      // quoted with it when that name is part of what was asked and the sentence does not say it itself.
      const head = ref.index > 0 && p.chunk.listLines.includes(ref.line) ? sentences.find((x) => x.line === ref.line && x.index === 0)! : null;
      const itemHead = head && coverageOf(keys, new Set([...sentenceTerms(ref), ...sentenceTerms(head)])) - coverageOf(keys, sentenceTerms(ref)) >= ITEM_HEAD_GAIN ? head : null;
      const antecedent = leadIn ?? itemHead ?? (refers ? previousSentence(ref) : null);
      // "These can include dizziness…" is about what the sentence before it names: they are quoted together.
      const terms = antecedent ? new Set([...sentenceTerms(ref), ...sentenceTerms(antecedent)]) : (sentenceTerms(ref) as Set<string>);
      // A heading is part of what its sentences mean ("Common Side Effects" → "Nausea is…"), at half
      // weight — fully when the heading is the question its section answers (FAQ style).
      const own = coverageOf(keys, terms);
      const withSection = new Set([...terms, ...sectionTerms]);
      const withHeading = coverageOf(keys, withSection);
      const coverage = own + headingWeight * (withHeading - own);
      if (aboutIt && coverageOf(aboutIt, withSection) === 0) continue;
      const typed = carriesAnswerType(type, ref.text);
      const expansionHits = [...expansion].filter((t) => terms.has(t)).length;
      const words = countWords(ref.text);
      const lengthPenalty = words > 45 ? 0.1 : words < 8 ? 0.05 : 0;
      // A "This…" sentence with nothing before it to resolve the reference reads as a fragment.
      const orphan = refers && !antecedent ? 0.25 : 0;
      const typeBonus = coverage > 0 ? (typed === true ? 0.3 : typed === false ? -0.1 : 0) : 0;
      const relevance = coverage + 0.25 * sectionCoverage * (coverage > 0 ? 1 : 0.3) + 0.05 * Math.min(expansionHits, 2) + typeBonus - orphan;
      // Sentences from weakly retrieved passages count for less.
      const score = relevance * (0.6 + 0.4 * p.score) - lengthPenalty;
      out.push({ ...ref, score, coverage, terms, ownTerms: sentenceTerms(ref), passageRank, typed: typed === true, antecedent });
    }
  });
  return out.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
}

const passagePairCache = new WeakMap<Chunk, ReadonlySet<string>>();

/** Stem pairs written together in a passage or its headings (memoized): "knee and hip replacement" names both replacements. */
function passagePairs(chunk: Chunk): ReadonlySet<string> {
  let pairs = passagePairCache.get(chunk);
  if (!pairs) passagePairCache.set(chunk, (pairs = new Set(nearStemPairs([chunk.title, ...chunk.sectionPath, chunk.text].join("\n"), SUBJECT_WINDOW).map(([a, b]) => `${a} ${b}`))));
  return pairs;
}

/** Words from one word of a subject compound to the other, at most: "back and neck pain". */
const SUBJECT_WINDOW = 3;

/** Whether the passage names at least one of the subjects the question is about. */
function namesSubject(subjects: ReadonlyArray<readonly [string, string]>, chunk: Chunk): boolean {
  const pairs = passagePairs(chunk);
  return subjects.some(([a, b]) => pairs.has(`${a} ${b}`));
}

const sameRef = (a: SentenceRef, b: SentenceRef) => a.chunk.id === b.chunk.id && a.line === b.line && a.index === b.index;

/** Share of a part's weight an item's first sentence must add for a later sentence to be quoted with it. */
const ITEM_HEAD_GAIN = 0.25;

/** Longer lists are cut (at an item boundary) here: an answer is not the whole article. */
export const MAX_LIST_SENTENCES = 12;
/** Lists in this many top passages may answer a question whose best sentence lies elsewhere. */
const LIST_PASSAGES = 3;
/** Types answered by one figure or one fact ("is X a sign of Y?"): a single item is the answer, not its list. */
const SINGLE_FACT_TYPES: ReadonlySet<AnswerType> = new Set([...FIGURE_TYPES, "yes_no"]);

/**
 * A part asks for a list as a whole ("what should I bring?", "the ABCDEs of moles?") when the list's
 * heading and lead-in cover the question at least as well as its best single sentence does; then the
 * whole list is the answer, not the one item or neighbour that happened to score best.
 */
function listAnswer(keys: TopicTerm[], type: AnswerType, best: Candidate, passages: ComposeInput["passages"], options: ComposeOptions, subjects: ReadonlyArray<readonly [string, string]>): SentenceRef[] | null {
  // Like sentences, a list comes only from a passage that names the question's subject, when it has one.
  const runs = passages.flatMap((p, passageRank) => (subjects.length > 0 && !namesSubject(subjects, p.chunk) ? [] : chunkLists(p.chunk).runs.map((run) => ({ run, passageRank }))));
  // A lead-in ("…options include:") says nothing without its items.
  const ledIn = runs.find(({ run }) => run.intro === best.line && run.chunk.id === best.chunk.id && LEAD_IN.test(best.text))?.run;
  const ledInList = ledIn ? listSentences(ledIn) : [];
  if (ledInList.length > 0) return ledInList;
  if (SINGLE_FACT_TYPES.has(type) || keys.length === 0) return null;
  let chosen: { run: ListRun; coverage: number } | null = null;
  for (const { run, passageRank } of runs) {
    // Scored like a sentence: its own heading and lead-in fully, the title and parent headings at half weight.
    const intro = run.intro === null ? [] : chunkSentences(run.chunk).filter((s) => s.line === run.intro);
    const own = new Set([...contentTerms(run.chunk.section ?? ""), ...intro.flatMap((s) => [...sentenceTerms(s)])]);
    const ownCoverage = coverageOf(keys, own);
    const context = new Set([...own, ...headingTerms(run.chunk)]);
    const coverage = ownCoverage + 0.5 * (coverageOf(keys, context) - ownCoverage);
    if (ownCoverage === 0 || coverage < options.minSentenceCoverage) continue;
    if (inRun(run, best)) {
      // The best sentence is one of its items: the list answers when that item adds nothing asked
      // about beyond what the list's headings and lead-in say ("Photos of any rash" for "what to bring?").
      const withItem = coverageOf(keys, new Set([...context, ...sentenceTerms(best)]));
      if (withItem > coverageOf(keys, context) + 1e-9) continue;
    } else if (passageRank >= LIST_PASSAGES || coverage < best.coverage) continue;
    if (!chosen || coverage > chosen.coverage) chosen = { run, coverage }; // ties: the higher-ranked passage
  }
  const sentences = chosen ? listSentences(chosen.run) : [];
  return sentences.length > 0 ? sentences : null;
}

function listSentences(run: ListRun): SentenceRef[] {
  const all = chunkSentences(run.chunk);
  // The lead-in is the end of the paragraph before the list: its last two statements.
  const out: SentenceRef[] = all.filter((s) => s.line === run.intro && (usable(s.text) || LEAD_IN.test(s.text))).slice(-2);
  for (const line of run.items) {
    const sentences = all.filter((s) => s.line === line);
    // Whole items only, and an intro that is not followed by an item is no answer.
    if (out.length + sentences.length > MAX_LIST_SENTENCES) break;
    out.push(...sentences);
  }
  return out.some((s) => run.items.includes(s.line)) ? out : [];
}

/** Chooses the sentences that answer the question best, in reading order. Empty when nothing fits. */
export function selectSentences(input: ComposeInput, options: ComposeOptions = DEFAULT_COMPOSE): SentenceRef[] {
  const expansion = new Set(input.expansionTerms);
  const passages = input.passages.slice(0, options.passages);
  const parts = input.analysis.parts.length > 0 ? input.analysis.parts : [{ text: input.question, type: "other" as AnswerType, terms: input.analysis.terms }];
  const chosen: Candidate[] = [];
  // Own words only: "This evaluation includes…" shares every word of the sentence it refers to once that is added.
  const isDuplicate = (c: Candidate) => chosen.some((x) => x.text === c.text || termOverlap(x.ownTerms, c.ownTerms) > 0.8);
  // Preamble words help tell passages apart but never make a sentence an answer on their own.
  const partKeys = parts.map((p) => p.terms.filter((t) => t.role !== "framing"));
  const partSubjects = parts.map((_, i) => {
    const stems = new Set((partKeys[i]!.length > 0 ? partKeys[i]! : input.analysis.terms).map((k) => k.stem));
    return input.analysis.subjects.filter(([a, b]) => stems.has(a) && stems.has(b));
  });
  const ranked = parts.map((p, i) => {
    const keys = partKeys[i]!.length > 0 ? partKeys[i]! : input.analysis.terms;
    return scorePart(keys, p.type, passages, expansion, p.inherited, partSubjects[i]!);
  });

  // One best sentence per part first, so a two-part question gets both answered.
  const perPartBudget = Math.max(1, Math.floor(options.maxSentences / parts.length));
  const lists: SentenceRef[] = [];
  const bests: Candidate[] = [];
  ranked.forEach((candidates, i) => {
    const best = candidates[0];
    // A sentence carrying the asked-for figure may cover less of the wording ("sessions last 1 to 2 hours").
    if (!best || (partKeys[i]!.length > 0 && best.coverage < options.minSentenceCoverage && !(best.typed && best.coverage >= options.minSentenceCoverage / 2))) return;
    const list = lists.length === 0 ? listAnswer(partKeys[i]!, parts[i]!.type, best, passages, options, partSubjects[i]!) : null;
    if (list) {
      for (const s of list) if (!lists.some((x) => sameRef(x, s))) lists.push(s);
      return;
    }
    bests.push(best);
    if (!isDuplicate(best)) chosen.push(best);
    let added = 1;
    for (const c of candidates.slice(1)) {
      if (added >= perPartBudget - (parts.length === 1 ? 1 : 0) || chosen.length >= options.maxSentences - 1) break;
      if (c.score < best.score * options.relativeThreshold || c.coverage === 0 || isDuplicate(c) || LEAD_IN.test(c.text)) continue;
      chosen.push(c);
      added++;
    }
    // Different articles giving different figures for the same thing: show each, cited.
    if (best.typed && (parts[i]!.type === "duration" || parts[i]!.type === "count" || parts[i]!.type === "frequency")) {
      for (const c of candidates) {
        if (chosen.some((x) => x.chunk.articleId === c.chunk.articleId)) continue;
        if (!c.typed || c.coverage < best.coverage * 0.8 || isDuplicate(c)) continue;
        if (chosen.length >= options.maxSentences - 1) chosen.pop();
        chosen.push(c);
        break;
      }
    }
  });
  if (chosen.length === 0 && lists.length === 0) return [];

  // A sentence that opens with "These…"/"It…" needs the one before it to make sense.
  const withContext: SentenceRef[] = [];
  for (const c of chosen) {
    if (c.antecedent && !withContext.some((s) => sameRef(s, c.antecedent!))) withContext.push(c.antecedent);
    if (!withContext.some((s) => sameRef(s, c))) withContext.push(c);
  }
  // A list answer is long already: the other parts keep only their best sentence.
  const kept = lists.length > 0 ? withContext.filter((s) => bests.some((b) => sameRef(b, s) || (b.antecedent && sameRef(b.antecedent, s)))) : withContext;
  let limited = kept.filter((s) => !lists.some((x) => sameRef(x, s))).slice(0, options.maxSentences);
  // Never end on a "This…" sentence whose antecedent was cut.
  limited = limited.filter((s, i) => {
    const c = chosen.find((x) => sameRef(x, s));
    return !c?.antecedent || limited.slice(0, i).some((x) => sameRef(x, c.antecedent!));
  });
  limited = [...lists, ...limited];

  // Reading order: passages in order of their best sentence, sentences in document order within a passage.
  const chunkOrder: string[] = [];
  for (const s of limited) if (!chunkOrder.includes(s.chunk.id)) chunkOrder.push(s.chunk.id);
  return limited.sort(
    (a, b) => chunkOrder.indexOf(a.chunk.id) - chunkOrder.indexOf(b.chunk.id) || a.line - b.line || a.index - b.index,
  );
}
