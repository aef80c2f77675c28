/**
 * Question analysis: what a patient's question is ABOUT (topic terms) versus
 * how it is asked (greetings, hedges, framing verbs, preambles), split into
 * parts, each with the kind of answer it wants.
 *
 * Everything here comes from grammar (part-of-speech tags, closed-class
 * words) and from the clinic's own corpus statistics — no topic word lists:
 * - a noun the corpus never uses is strong evidence the question is off the
 *   articles ("insurance", "parking"), so it keeps a high weight;
 * - a verb, adjective or adverb the corpus never uses is nearly always framing
 *   ("curious", "wondering", "told"), so it weighs almost nothing;
 * - statements around the question ("my sister had it last year…") are
 *   context: they steer retrieval a little and decide little;
 * - a term in most articles (the clinic's own subject) weighs less, unless the
 *   question is about nothing else.
 */
import type { Expansion } from "../retrieve/lexicon.js";
import { shouted, wordTerms } from "../retrieve/terms.js";
import { answerTypeOf, FIGURE_TYPES, type AnswerType } from "./answer-type.js";
import type { CorpusStats } from "./corpus-stats.js";
import { tagSentences, type TaggedSentence, type TaggedToken } from "./nlp.js";

export type TermRole = "topic" | "context" | "framing";

export interface TopicTerm {
  stem: string;
  /** Part of speech of the word it came from. */
  pos: string;
  role: TermRole;
  weight: number;
  /** Stem phrases that count as this term being present: itself, lexicon and vocabulary translations. */
  alternatives: string[][];
  /** A noun (in the question itself) that the corpus never uses and nothing translates. */
  offCorpus: boolean;
}

export interface QuestionPart {
  text: string;
  type: AnswerType;
  terms: TopicTerm[];
  /** Stems of the nouns a part that points back ("…and how long do they last?") took from the part before: what it asks about. */
  inherited?: string[];
}

export interface QuestionAnalysis {
  text: string;
  /** Adjacent word pairs of the question that name one thing ("weight limit", "side effects"), as stems. */
  compounds: Array<[string, string]>;
  parts: QuestionPart[];
  /** Every term of the message, each stem once (highest weight kept). */
  terms: TopicTerm[];
  /**
   * Compounds a title or heading of the articles names but most articles do not ("back pain", "dry
   * needling"): what the question is about, which a passage must name in its words or headings.
   */
  subjects: Array<[string, string]>;
}

export interface AnalysisContext {
  stats: CorpusStats;
  /** Lexicon entries the message triggers. */
  expansions: Expansion[];
  /** Corpus words with the same meaning (WordNet and the like), as stem phrases; optional. */
  bridge?: (word: string, pos: string) => string[][];
}

/** Words by which a question points at something said before it. */
const REFERRING = new Set(["that", "this", "it", "those", "these", "they", "them"]);
const WH = new Set(["what", "how", "why", "when", "where", "which", "who", "whom", "whose"]);
/** Weight of a preamble statement's words relative to the question's own. */
const CONTEXT_WEIGHT = 0.25;
/** Weight of a word the corpus never uses and that is not a noun: framing. */
const FRAMING_WEIGHT = 0.05;
/** Domain-wide terms (in most articles) say little about which passage answers. */
const DOMAIN_COMMON_WEIGHT = 0.3;
/** Nouns carry a question's topic; verbs and modifiers refine it (more so when there is no noun). */
const POS_WEIGHT: Record<string, number> = { NOUN: 1, PROPN: 1, X: 1, ADJ: 0.5, VERB: 0.3, NUM: 0.4, ADV: 0.1 };
/** Beside a noun, a modifier's rarity is capped: a rare adverb ("actually") is not the topic. */
const MODIFIER_IDF_CAP = 1.5;
const POS_WEIGHT_NO_NOUN: Record<string, number> = { ...POS_WEIGHT, ADJ: 0.8, VERB: 0.8, ADV: 0.3 };
/** Closed-class parts of speech: how a question is put, never what it is about. */
const FUNCTION_POS = new Set(["ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM", "SPACE"]);

function isQuestionSentence(s: TaggedSentence): boolean {
  if (/\?\s*$/.test(s.text)) return true;
  const words = s.tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "INTJ");
  const first = words[0];
  if (!first) return false;
  return first.pos === "AUX" || WH.has(first.text.toLowerCase()) || words.some((t) => WH.has(t.text.toLowerCase()));
}

/**
 * Where the question proper starts inside a sentence: "a friend told me about
 * this and I'm curious, does it help with X?" asks from "does". The clause
 * before is context. 0 when the sentence starts with its question.
 */
function leadingClause(tokens: TaggedToken[]): number {
  let start = 0;
  for (let i = 1; i < tokens.length - 2; i++) {
    const prev = tokens[i - 1]!;
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    const boundary = prev.text === "," || prev.text === ";" || prev.text === ":" || prev.text === "-" || prev.text === "—";
    const opens = WH.has(t.text.toLowerCase()) || (t.pos === "AUX" && ["PRON", "DET", "NOUN", "PROPN", "VERB"].includes(next.pos));
    if (boundary && opens) start = i;
  }
  if (start === 0) return 0;
  // Only a statement before it is preamble; a question before it is a part of its own.
  const before = tokens.slice(0, start);
  const firstWord = before.find((t) => t.pos !== "PUNCT" && t.pos !== "INTJ");
  return firstWord && (WH.has(firstWord.text.toLowerCase()) || firstWord.pos === "AUX") ? 0 : start;
}

/** Splits "can I drive home, and what should I bring?" at a conjunction that starts a new question. */
function splitParts(tokens: TaggedToken[]): TaggedToken[][] {
  const parts: TaggedToken[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    const startsQuestion =
      next !== undefined &&
      (WH.has(next.text.toLowerCase()) || (next.pos === "AUX" && after !== undefined && ["PRON", "DET", "NOUN", "PROPN"].includes(after.pos)));
    if ((t.pos === "CCONJ" || t.text === ";" || (t.text === "," && startsQuestion)) && startsQuestion && parts[parts.length - 1]!.length > 2) {
      parts.push([]);
      continue;
    }
    parts[parts.length - 1]!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function joinTokens(tokens: TaggedToken[]): string {
  return tokens.map((t) => t.text).join(" ").replace(/\s+([?.!,;:'’])/g, "$1").replace(/\s+n't\b/g, "n't");
}

interface RawTerm {
  /** "kind" in "what kind of…": a classifier noun frames the question. */
  classifier?: boolean;
  stem: string;
  word: string;
  pos: string;
  context: boolean;
}

/** A word's content stems within its message (whose shouting decides what its capitals mean). */
type WordTerms = (word: string) => string[];

function rawTerms(tokens: TaggedToken[], context: boolean, termsOf: WordTerms): RawTerm[] {
  const out: RawTerm[] = [];
  for (const [i, t] of tokens.entries()) {
    if (FUNCTION_POS.has(t.pos)) continue;
    // "how long", "how many", "how often": the word after "how" is the question's form (its answer type), not its topic.
    if ((t.pos === "ADJ" || t.pos === "ADV") && tokens[i - 1]?.text.toLowerCase() === "how") continue;
    const prev = tokens[i - 1];
    const classifier =
      (t.pos === "NOUN" || t.pos === "PROPN") &&
      tokens[i + 1]?.text.toLowerCase() === "of" &&
      // "what kind of", "a lot of", "any sort of" frame what follows; "the signs of", "the cost of" name what is asked.
      prev !== undefined && (WH.has(prev.text.toLowerCase()) || (prev.pos === "DET" && prev.text.toLowerCase() !== "the"));
    for (const stem of termsOf(t.text)) out.push({ stem, word: t.text.toLowerCase(), pos: t.pos, context, ...(classifier ? { classifier } : {}) });
  }
  return out;
}

/** `nounElsewhere`: the question's topic noun comes from outside these words (a preamble it refers back to). */
function weigh(raw: RawTerm[], ctx: AnalysisContext, allDomainCommon: boolean, contextWeight = CONTEXT_WEIGHT, nounElsewhere = false): TopicTerm[] {
  const byStem = new Map<string, TopicTerm>();
  const hasNoun = nounElsewhere || raw.some((r) => (r.pos === "NOUN" || r.pos === "PROPN") && ctx.stats.known(r.stem));
  const posWeight = hasNoun ? POS_WEIGHT : POS_WEIGHT_NO_NOUN;
  for (const r of raw) {
    const alternatives: string[][] = [[r.stem]];
    let translated = false;
    for (const e of ctx.expansions) {
      if (!e.triggers.includes(r.stem)) continue;
      translated = true;
      for (const p of e.phrases) alternatives.push(p);
    }
    const known = ctx.stats.known(r.stem);
    if (!known && !translated && ctx.bridge) {
      for (const p of ctx.bridge(r.word, r.pos)) {
        alternatives.push(p);
        translated = true;
      }
    }
    const nounLike = r.pos === "NOUN" || r.pos === "PROPN" || r.pos === "X";
    const translations = alternatives.slice(1).map((p) => Math.min(...p.map((s) => ctx.stats.idf(s))));
    let weight: number;
    let role: TermRole = r.context ? "context" : "topic";
    let offCorpus = false;
    const nounPos = r.pos === "NOUN" || r.pos === "PROPN" || r.pos === "X";
    if (known) weight = (hasNoun && !nounPos ? Math.min(ctx.stats.idf(r.stem), MODIFIER_IDF_CAP) : ctx.stats.idf(r.stem)) * (posWeight[r.pos] ?? 0.3);
    else if (translated) weight = Math.max(...translations) * Math.max(posWeight[r.pos] ?? 0.3, 0.6);
    else if (nounLike) {
      weight = ctx.stats.idf(r.stem);
      offCorpus = !r.context;
    } else {
      weight = FRAMING_WEIGHT;
      role = "framing";
    }
    if (r.classifier) {
      weight = FRAMING_WEIGHT;
      role = "framing";
      offCorpus = false;
    }
    if (known && ctx.stats.domainCommon(r.stem) && !allDomainCommon) weight *= DOMAIN_COMMON_WEIGHT;
    if (r.context) weight *= contextWeight;
    const term: TopicTerm = { stem: r.stem, pos: r.pos, role, weight, alternatives, offCorpus };
    const prev = byStem.get(r.stem);
    if (!prev || prev.weight < term.weight) byStem.set(r.stem, term);
  }
  return [...byStem.values()];
}

/** Analyzes one standalone question (follow-ups already resolved). */
export function analyzeQuestion(text: string, ctx: AnalysisContext): QuestionAnalysis {
  const loud = shouted(text);
  const termsOf: WordTerms = (word) => wordTerms(word, loud);
  // A parenthesis after a question ("how long do they last? (side effects)", as follow-up
  // resolution writes it) belongs to that question.
  const sentences: TaggedSentence[] = [];
  for (const tagged of tagSentences(text)) {
    const s = { ...tagged, tokens: retagCollocations(tagged.tokens, ctx.stats, termsOf) };
    const prev = sentences[sentences.length - 1];
    if (prev && /^\s*\(/.test(s.text)) sentences[sentences.length - 1] = { text: `${prev.text} ${s.text}`, tokens: [...prev.tokens, ...s.tokens] };
    else sentences.push(s);
  }
  const questions = sentences.filter(isQuestionSentence);
  const asked = questions.length > 0 ? questions : sentences;
  const preamble = questions.length > 0 ? sentences.filter((s) => !questions.includes(s)) : [];

  const lead = asked.map((s) => leadingClause(s.tokens));
  const partTokens = asked.flatMap((s, i) => splitParts(s.tokens.slice(lead[i]!)));
  const contextRaw = [...preamble.flatMap((s) => rawTerms(s.tokens, true, termsOf)), ...asked.flatMap((s, i) => rawTerms(s.tokens.slice(0, lead[i]!), true, termsOf))];
  const partRaws = partTokens.map((tokens) => rawTerms(tokens, false, termsOf));
  const questionStems = partRaws.flat().filter((r) => ctx.stats.known(r.stem));
  const allDomainCommon = questionStems.length > 0 && questionStems.every((r) => ctx.stats.domainCommon(r.stem));

  let parts: QuestionPart[] = [];
  partTokens.forEach((tokens, i) => {
    const terms = weigh(partRaws[i]!, ctx, allDomainCommon);
    const partText = joinTokens(tokens);
    const substantial = terms.some((t) => t.role === "topic" && t.weight >= 0.5);
    const prev = parts[parts.length - 1];
    // "…and how long will I be there?" asks something new about what the part before named: its own
    // part, with the nouns of the part before (its verbs were that part's own question).
    const ownType = answerTypeOf(partText);
    // "what is dissociation, will I feel it?": a part that names nothing of its own and points back
    // with a pronoun asks its own question about what the part before named.
    const pointsBack = tokens.some((t) => REFERRING.has(t.text.toLowerCase()) && t.pos === "PRON") && !terms.some((t) => t.role === "topic" && (t.pos === "NOUN" || t.pos === "PROPN"));
    if (prev && ((!substantial && FIGURE_TYPES.has(ownType) && ownType !== prev.type) || (substantial && pointsBack))) {
      const named = prev.terms.filter((t) => t.role !== "framing" && (t.pos === "NOUN" || t.pos === "PROPN"));
      if (named.length > 0) {
        parts.push({ text: partText, type: ownType, terms: mergeTerms(named, terms), inherited: named.map((t) => t.stem) });
        return;
      }
    }
    // "…, is that right?" or "and how long?" alone has nothing to match: it belongs to its neighbour.
    if (!substantial && prev) {
      prev.text = `${prev.text} ${partText}`;
      prev.terms = mergeTerms(prev.terms, terms);
      if (prev.type === "other" || prev.type === "yes_no") prev.type = answerTypeOf(partText) === "other" ? prev.type : answerTypeOf(partText);
      return;
    }
    parts.push({ text: partText, type: answerTypeOf(partText), terms });
  });
  // A first part without substance ("how long" + "does a session last?") joins the next one.
  if (parts.length > 1 && !parts[0]!.terms.some((t) => t.role === "topic" && t.weight >= 0.5)) {
    const [first, second, ...rest] = parts;
    parts = [{ text: `${first!.text} ${second!.text}`, type: first!.type !== "other" ? first!.type : second!.type, terms: mergeTerms(first!.terms, second!.terms) }, ...rest];
  }
  if (parts.length === 0) parts = [{ text, type: answerTypeOf(text), terms: [] }];

  // "I have CRPS. Is that something you treat?": when the question itself names no specific
  // thing, it refers to what the preamble named, which then counts fully.
  const refersBack = partTokens.some((tokens) => tokens.some((t) => REFERRING.has(t.text.toLowerCase()) && (t.pos === "PRON" || t.pos === "DET")));
  const specific = !refersBack || parts.some((p) => p.terms.some((t) => t.role === "topic" && (t.pos === "NOUN" || t.pos === "PROPN") && ctx.stats.known(t.stem) && !ctx.stats.domainCommon(t.stem)));
  const contextTerms = weigh(contextRaw, ctx, allDomainCommon, specific ? CONTEXT_WEIGHT : 1);
  if (!specific && parts.length === 1) {
    const named = contextTerms.filter((t) => t.pos === "NOUN" || t.pos === "PROPN");
    // "…my mouth is dried out. Is there anything that helps with that?": once the preamble names the
    // topic, "helps" is the question's light verb, weighed as beside a noun, not as its only content.
    const own = named.some((t) => ctx.stats.known(t.stem)) ? weigh(partRaws.flat(), ctx, allDomainCommon, CONTEXT_WEIGHT, true) : parts[0]!.terms;
    parts[0]!.terms = mergeTerms(own, named);
  }
  const all = mergeTerms(parts.flatMap((p) => p.terms), contextTerms);
  const compounds = partTokens.flatMap((tokens) => compoundsOf(tokens, ctx.stats, termsOf));
  const subjects = compounds.filter(([a, b]) => {
    const c = ctx.stats.collocation(a, b);
    return c !== null && c.inHeading && !c.domainWide;
  });
  return { text, parts, terms: all, compounds, subjects };
}

/**
 * The tagger reads a terse "sleeping position back pain" as adverb + verb, and would weigh the words as
 * framing. Two adjacent words the clinic's articles use as one term (see `CorpusStats.collocation`) are
 * a noun compound, tagged as nouns: when an article or section heading names the pair, or when the
 * tagger already reads one of them as a noun. Not after a verb ("reduce pain" is a verb and its object)
 * nor before an adverb ("right away").
 */
function retagCollocations(tokens: TaggedToken[], stats: CorpusStats, termsOf: WordTerms): TaggedToken[] {
  const out = tokens.map((t) => ({ ...t }));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (FUNCTION_POS.has(a.pos) || FUNCTION_POS.has(b.pos) || a.pos === "VERB" || b.pos === "ADV" || a.pos === "NUM" || b.pos === "NUM") continue;
    const sa = termsOf(a.text)[0];
    const sb = termsOf(b.text)[0];
    if (!sa || !sb) continue;
    const collocation = stats.collocation(sa, sb);
    const nounRead = [a.pos, b.pos].some((p) => p === "NOUN" || p === "PROPN");
    if (collocation && (collocation.inHeading || nounRead)) {
      if (out[i]!.pos !== "PROPN") out[i]!.pos = "NOUN";
      if (out[i + 1]!.pos !== "PROPN") out[i + 1]!.pos = "NOUN";
    }
  }
  return out;
}

/** Noun-noun and adjective-noun pairs whose words the corpus knows: evidence only when found together. */
function compoundsOf(tokens: TaggedToken[], stats: CorpusStats, termsOf: WordTerms): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!["NOUN", "PROPN", "ADJ"].includes(a.pos) || !["NOUN", "PROPN"].includes(b.pos)) continue;
    if (tokens[i - 1]?.text.toLowerCase() === "how") continue;
    const sa = termsOf(a.text)[0];
    const sb = termsOf(b.text)[0];
    if (sa && sb && sa !== sb && stats.known(sa) && stats.known(sb)) out.push([sa, sb]);
  }
  return out;
}

function mergeTerms(a: TopicTerm[], b: TopicTerm[]): TopicTerm[] {
  const byStem = new Map<string, TopicTerm>();
  for (const t of [...a, ...b]) {
    const prev = byStem.get(t.stem);
    if (!prev || prev.weight < t.weight) byStem.set(t.stem, t);
  }
  return [...byStem.values()];
}

/** How much each stem should count in BM25 ranking: the analysis weight without rarity (BM25 has its own). */
export function retrievalBoosts(analysis: QuestionAnalysis, stats: CorpusStats): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of analysis.terms) out.set(t.stem, Math.min(1, t.weight / Math.max(0.1, stats.idf(t.stem))));
  return out;
}
