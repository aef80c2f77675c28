/**
 * The one analyzer used for the BM25 index, queries, answerability and
 * sentence scoring, so that "the question's content words" mean the same
 * thing everywhere.
 */
import { stemmer } from "stemmer";
import { casedWordTokens } from "../answer/text.js";

// Function words carry no topic. Question words are here too: "how long" is
// matched through the content word that follows ("long" stays).
const STOP_WORDS = new Set(
  (
    "a an the and or but if then else of to in on at by for with from into onto about over under as is are was were be been being " +
    "am do does did doing done have has had having i me my mine myself you your yours yourself we us our ours he him his she her hers " +
    "it its itself they them their theirs this that these those there here what which who whom whose when where why how " +
    "can could would should will shall may might must not no nor so too very just also than such any some all each every " +
    "both few more most other own same only again further once up down out off s t d ll re ve m o y get got go going " +
    "tell know want like please thanks thank hi hello hey really much many anything something someone thing things one ok okay " +
    "im i'm i've i'd you're it's that's what's let lets whats hows wheres whos thats its ive id youre theyre " +
    // Negated auxiliaries: the negation matters to the verifier, not to what the question is about.
    "dont don't doesnt doesn't didnt didn't cant can't cannot wont won't isnt isn't arent aren't wasnt wasn't " +
    "shouldnt shouldn't wouldnt wouldn't couldnt couldn't " +
    // Texting shorthand for function words ("how long r the sessions", "can u").
    "r u ur ya pls plz thx " +
    // Comparison connectives: "IM vs IV" is about IM and IV.
    "vs versus"
  ).split(/\s+/),
);

/**
 * Legacy hand lists, kept only for the claim verifier (answer/verify.ts, answer/llm/grounding.ts)
 * and follow-up resolution (route/follow-up.ts), which other work owns. Retrieval, answerability
 * and sentence choice no longer use them: they weigh terms from corpus statistics
 * (src/understand/corpus-stats.ts). Replace them there, then delete these.
 */
/** Words every clinic's articles use: they never make a question "covered" on their own (no clinic's treatment names: those come from corpus statistics). */
export const DOMAIN_COMMON = new Set(["therapi", "treatment", "treat", "patient", "use", "us"]);

/** Light verbs and hedges, as stems (`stem("away")` is "awai"): they rarely decide what a question is about. */
const WEAK_TERMS = new Set([
  "take", "taken", "make", "need", "help", "feel", "work", "happen", "expect", "mean", "usual", "typic", "normal", "gener",
  "realli", "actual", "kind", "type", "wai", "doe", "also", "long", "time", "good", "best", "give", "given", "start", "use",
  "done", "possibl", "anyon", "peopl", "person", "someon", "exactli", "common", "often", "caus", "lead", "result", "happen",
  // Prepositions and adverbs of time, place and degree: they frame a question, the nouns carry it.
  "befor", "after", "dure", "through", "throughout", "around", "back", "over", "awai", "along", "across", "toward", "within",
  "without", "while", "until", "sinc", "soon", "later", "earli", "late", "ever", "even", "still", "alreadi", "yet",
  "usual", "basic", "pretti", "quit", "rather", "well", "right", "okai", "sure", "instead", "otherwis", "anywai", "almost",
  // Determiner-like adjectives.
  "singl", "whole", "entir", "anoth", "current", "same", "differ", "specif", "particular", "certain", "main", "real", "total",
  // Light verbs that frame a question ("what do you check", "come back", "stick around").
  "come", "keep", "go", "put", "set", "sai", "said", "check", "count", "involv", "includ", "stick", "mess", "look", "seem",
  "find", "tri", "let", "becom", "stai", "hold", "turn", "bring", "figur", "deal", "expect", "plan", "better", "wors",
]);

/** How much a question stem says about the topic: 1 for content, less for light verbs and domain-wide words. */
export function termWeight(stemmed: string): number {
  if (DOMAIN_COMMON.has(stemmed)) return 0.1;
  if (WEAK_TERMS.has(stemmed)) return 0.2;
  return 1;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * Stem of one already-lowercased token ("sessions" → "session", "lasting" → "last").
 *
 * Porter turns a final "y" into "i" only after a vowel-bearing stem, so short words and their
 * inflections part ways: "dry" stays "dry" but "dried" is "dri", "die" stays but "died" is "di".
 * One more step (a final consonant + "y", or "ie", ends in "i") keeps every form of a word on one stem.
 */
export function stem(token: string): string {
  return stemmer(token.replace(/'s$/, "").replace(/'/g, "")).replace(/([^aeiou])y$/, "$1i").replace(/ie$/, "i");
}

/**
 * An abbreviation written in capitals is a name even when its letters spell a function word:
 * "IM" (intramuscular) is not "im" (I'm), "US adults" not "us", "OR" not "or".
 */
const ABBREVIATION = /^[A-Z]{2,4}$/;

/** Mostly capitals: shouting, where capitals say nothing about abbreviations. */
export function shouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters.replace(/[^\p{Lu}]/gu, "").length > letters.length / 2;
}

/** Lowercased word tokens, each with whether it was written as an abbreviation. */
function casedTokens(text: string): Array<{ token: string; abbreviation: boolean }> {
  const loud = shouted(text);
  return casedWordTokens(text).map((w) => ({ token: w.toLowerCase(), abbreviation: !loud && ABBREVIATION.test(w) }));
}

/** Content-word stems of a text, in order, duplicates kept. */
export function contentTerms(text: string): string[] {
  return casedTokens(text).flatMap(tokenTerms);
}

/**
 * Content-word stems of one word of a longer text, whose shouting was judged on the whole text: "IM"
 * alone looks shouted, but in "is IM better than IV?" it is an abbreviation.
 */
export function wordTerms(word: string, inShoutedText: boolean): string[] {
  return casedWordTokens(word).flatMap((w) => tokenTerms({ token: w.toLowerCase(), abbreviation: !inShoutedText && ABBREVIATION.test(w) }));
}

function tokenTerms({ token, abbreviation }: { token: string; abbreviation: boolean }): string[] {
  if (STOP_WORDS.has(token)) return abbreviation ? [token] : [];
  const out: string[] = [];
  for (const part of token.split("-")) {
    if (!part || STOP_WORDS.has(part)) continue;
    out.push(stem(part));
  }
  if (token.includes("-")) out.push(stem(token.replace(/-/g, "")));
  return out;
}

/**
 * MiniSearch `tokenize`: the same word tokens as `contentTerms`. MiniSearch's own tokenizer splits at
 * apostrophes, so "don't" reached the index and queries as a content word "don".
 */
export function tokenize(text: string): string[] {
  return casedWordTokens(text);
}

/** One token in, its stem (or null for stop words). */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase().replace(/[’‘]/g, "'");
  if (STOP_WORDS.has(lower) && ABBREVIATION.test(term)) return lower;
  if (!lower || STOP_WORDS.has(lower)) return null;
  return stem(lower);
}

/** MiniSearch `processTerm`: one token from `tokenize` in, its stems as `contentTerms` gives them ("full-face": full, face, fullfac). */
export function indexTerms(term: string): string[] | null {
  const terms = tokenTerms({ token: term.toLowerCase().replace(/[’‘]/g, "'"), abbreviation: ABBREVIATION.test(term) });
  return terms.length > 0 ? terms : null;
}
