/**
 * Sentence analysis for the claim verifier: tokens with lemma and part of
 * speech (wink-nlp), the forms a token may be matched by (lemma, base forms
 * WordNet knows, the adjective behind an "-ly" adverb, the Porter stem), and
 * clause boundaries. Pure; results are cached per sentence text because the
 * same article sentences are checked again and again.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { stemmer } from "stemmer";
import type { Thesaurus, WordPos } from "./wordnet.js";
import { CAUSAL_VERBS, DEGREE_WORDS, DIRECTION_WORDS, FUNCTION_PHRASES, FUNCTION_WORDS, IRREGULAR_BASE, IRREGULAR_DERIVATION, NEGATORS, QUANTIFIER_STRENGTH, HEDGES, HARDENERS, DEONTIC, EXISTENTIAL_HEDGES } from "./grammar.js";

const nlp = winkNLP(model);

/** An acronym: two to six capitals, with or without dots ("RLS", "U.S."). */
const ACRONYM = /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$/;

/** Degree words that say "a long time" before "before"/"after"; the words that order two times. */
const LONG_BEFORE = new Set(["well", "far", "long", "way", "much"]);
const TIME_ORDER = new Set(["before", "after"]);
const its = nlp.its;

/** What role a token plays for the verifier. */
export type TokenRole = "content" | "function" | "number" | "negator" | "quantifier" | "hedge" | "hardener" | "deontic" | "direction" | "causal";

export interface ClaimToken {
  /** Lower-case surface form ("n't" → "not", curly quotes straightened). */
  normal: string;
  lemma: string;
  pos: string;
  role: TokenRole;
  /** Every form the token may be matched by. */
  forms: string[];
  stem: string;
  /** Clause number within the sentence (punctuation and contrastive conjunctions start a new one). */
  clause: number;
  /** A part of a hyphenated word other than its last ("sun" of "sun-sensitive"): joined to the next token. */
  joined?: boolean;
  /** A hedge or quantifier after "more"/"less" ("more likely", "more often"): a comparison of how often. */
  comparative?: boolean;
  /** Written with a capital first letter ("United", and any sentence-initial word). */
  capital?: boolean;
  /** The letters of an acronym written in capitals ("RLS" → "rls", "U.S." → "us"). */
  initials?: string;
}

const FUNCTION_POS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM", "SPACE", "NUM"]);
const CLAUSE_BREAK_WORDS = new Set(["but", "however", "although", "though", "while", "whereas", "yet"]);
const NUMBER_WORD = /^(?:\d[\d.,/%]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|quarter|once|twice|thrice|dozen)$/;

const SUFFIXES: Record<WordPos, Array<[string, string]>> = {
  noun: [["ies", "y"], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["s", ""]],
  verb: [["ies", "y"], ["es", "e"], ["es", ""], ["s", ""], ["ied", "y"], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adj: [["ier", "y"], ["iest", "y"], ["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  adv: [],
};
/** Nominal and adjectival suffixes back to the verb or adjective they derive from ("occurrence" → "occur", "persistent" → "persist"). */
const DERIVATIONAL: Array<[string, string]> = [
  ["ence", ""], ["ance", ""], ["ment", ""], ["ation", "e"], ["ation", ""], ["ion", "e"], ["ion", ""], ["ness", ""], ["ity", ""],
  ["ent", ""], ["ant", ""], ["ive", "e"], ["ive", ""], ["ful", ""], ["al", ""],
];

/** Base forms of a word that WordNet knows (a small morphy: regular suffixes, doubled consonants). */
function baseForms(word: string, thesaurus: Thesaurus | null): string[] {
  const out: string[] = [];
  if (IRREGULAR_BASE[word]) out.push(IRREGULAR_BASE[word]!);
  // "-ly" adverbs stand for their adjective ("thoroughly" → "thorough", "easily" → "easy").
  if (word.length > 4 && word.endsWith("ly")) out.push(word.endsWith("ily") ? `${word.slice(0, -3)}y` : word.slice(0, -2));
  if (!thesaurus) return out;
  for (const [suffix, repl] of DERIVATIONAL) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 3) continue;
    const base = word.slice(0, -suffix.length) + repl;
    for (const cand of [base, /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : null]) {
      if (cand && (thesaurus.has(cand, "verb") || thesaurus.has(cand, "adj"))) out.push(cand);
    }
  }
  for (const pos of ["noun", "verb", "adj"] as WordPos[]) {
    for (const [suffix, repl] of SUFFIXES[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
      const base = word.slice(0, -suffix.length) + repl;
      if (thesaurus.has(base, pos)) out.push(base);
      // "stopped" → "stop", "bigger" → "big"
      if (repl === "" && /([b-df-hj-np-tv-z])\1$/.test(base) && thesaurus.has(base.slice(0, -1), pos)) out.push(base.slice(0, -1));
    }
  }
  return out;
}

function roleOf(normal: string, lemma: string, pos: string): TokenRole {
  if (NUMBER_WORD.test(normal)) return "number";
  if (NEGATORS.has(normal) || NEGATORS.has(lemma)) return "negator";
  if (normal in QUANTIFIER_STRENGTH) return "quantifier";
  if (HARDENERS.has(normal) || HARDENERS.has(lemma)) return "hardener";
  if (HEDGES.has(normal) || HEDGES.has(lemma) || EXISTENTIAL_HEDGES.has(normal)) return "hedge";
  if (DEONTIC.has(normal) || DEONTIC.has(lemma)) return "deontic";
  if (DIRECTION_WORDS.has(normal) || DIRECTION_WORDS.has(lemma)) return "direction";
  if (CAUSAL_VERBS.has(normal)) return "causal";
  if (FUNCTION_WORDS.has(normal) || FUNCTION_WORDS.has(lemma)) return "function";
  if (FUNCTION_POS.has(pos) || !/[a-z]/.test(normal)) return "function";
  return "content";
}

/** Words that are grammar only in context: multiword function phrases, a degree word before a comparative, the "will" of "won't". */
function markContextualFunctionWords(tokens: ClaimToken[]): void {
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    // "won't" predicts no more than "doesn't"; a dropped "may" is still caught as a dropped hedge.
    if (t.role === "hardener" && t.lemma === "will" && next?.role === "negator") t.role = "function";
    if (DEGREE_WORDS.has(t.normal) && next && (next.role === "direction" || (next.pos === "ADJ" && /er$/.test(next.normal)))) t.role = "function";
    // "more likely to report", "more often missed": a comparison of how often (checked as one) that narrows
    // its claim as a hedge or a quantifier does; either may say it.
    if ((t.role === "hedge" || t.role === "quantifier") && ["more", "less"].includes(tokens[i - 1]?.normal ?? "")) t.comparative = true;
    // "how well you remember", "how clearly it shows": the degree an embedded question asks about, not a claim of it.
    if (tokens[i - 1]?.normal === "how" && t.role === "content" && (t.pos === "ADV" || t.pos === "ADJ")) t.role = "function";
    // "well before", "far after", "long before": a great distance in time, whichever degree word says it
    // (still a word to support: "shortly after" is not "long after").
    if (LONG_BEFORE.has(t.normal) && next && TIME_ORDER.has(next.normal)) {
      t.role = "content";
      t.forms = [...new Set([...t.forms, "long"])];
    }
    for (const phrase of FUNCTION_PHRASES) {
      if (phrase.every((w, k) => tokens[i + k]?.normal === w)) for (let k = 0; k < phrase.length; k++) tokens[i + k]!.role = "function";
    }
  });
}

export interface AnalyzedSentence {
  text: string;
  tokens: ClaimToken[];
}

const cache = new Map<string, AnalyzedSentence>();
const CACHE_LIMIT = 5000;

/** Tokens of one sentence. `thesaurus` only adds base forms; pass the same one every time (the cache is per text). */
export function analyzeSentence(text: string, thesaurus: Thesaurus | null): AnalyzedSentence {
  const key = `${thesaurus ? "w" : "-"}${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = nlp.readDoc(text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"'));
  const values = doc.tokens().out(its.normal) as string[];
  const surfaces = doc.tokens().out(its.value) as string[];
  // In a heading set in capitals every word looks like an acronym.
  const mixedCase = /[a-z]/.test(text);
  const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>["out"]>[0]) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const tokens: ClaimToken[] = [];
  let clause = 0;
  values.forEach((token, i) => {
    let raw = token;
    const pos = tags[i]!;
    // A parenthesis is an aside within its clause ("marks (hyperpigmentation) usually fade"), not a new clause.
    if (pos === "PUNCT" && /[()\[\]]/.test(raw)) return;
    if (pos === "PUNCT" && /[,;:—–!?."]/.test(raw)) {
      clause++;
      return;
    }
    if (CLAUSE_BREAK_WORDS.has(raw)) clause++;
    // The tagger reads a sentence-final "sun." as an abbreviation (Sun. = Sunday): the word is "sun".
    if (/^[a-z]{2,}\.$/.test(raw)) raw = raw.slice(0, -1);
    // Hyphenated words are matched part by part ("post-treatment", "one-size-fits-all"); numbers stay whole ("2-4").
    const parts = /^[a-z]+(?:-[a-z]+)+$/.test(raw) ? raw.split("-") : [raw];
    for (const [k, part] of parts.entries()) {
      const normal = part === "n't" ? "not" : part;
      const lemma = parts.length > 1 ? part : (lemmas[i] ?? part).toLowerCase();
      const role = roleOf(normal, lemma, parts.length > 1 && pos === "PUNCT" ? "X" : pos);
      // A prefix that negates ("unreliable", "untreated") is read as "not" over the word it negates, so that
      // "is unreliable" and "isn't reliable" say the same, and "is reliable" is a negation flip of both.
      // So is a negated hedge: "unlikely" is "not likely", and "likely" for "unlikely" a negation flip.
      const negated = (role === "content" || role === "hedge") && thesaurus ? thesaurus.negatedBase(normal) : null;
      const negatedRole = negated === null ? null : roleOf(negated, negated, pos);
      if (negated !== null && (negatedRole === "content" || negatedRole === "hedge")) {
        tokens.push({ normal: "not", lemma: "not", pos: "PART", role: "negator", forms: ["not"], stem: "not", clause });
        const forms = new Set([negated, ...baseForms(negated, thesaurus)]);
        tokens.push({ normal: negated, lemma: negated, pos, role: negatedRole, forms: [...forms], stem: stemmer(negated), clause });
        continue;
      }
      const forms = new Set([normal, lemma, ...baseForms(normal, thesaurus)]);
      for (const f of [...forms]) if (IRREGULAR_DERIVATION.has(f)) forms.add(IRREGULAR_DERIVATION.get(f)!);
      const acronym = parts.length === 1 && mixedCase && ACRONYM.test(surfaces[i] ?? "") ? surfaces[i]!.replace(/\./g, "").toLowerCase() : undefined;
      tokens.push({ normal, lemma, pos, role, forms: [...forms], stem: stemmer(normal), clause, ...(acronym ? { initials: acronym } : {}), ...(/^[A-Z]/.test(surfaces[i] ?? "") ? { capital: true } : {}), ...(k < parts.length - 1 ? { joined: true } : {}) });
    }
  });
  markContextualFunctionWords(tokens);
  const analyzed = { text, tokens };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, analyzed);
  return analyzed;
}
