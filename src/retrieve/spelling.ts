/**
 * Typo repair before retrieval ("sesions" → "sessions"). Only non-words are
 * touched: a word the corpus or the lexicon uses (drug names, procedures) or a
 * real English word (checked against a Hunspell dictionary, inflections
 * included) is never changed, so a question about an uncovered topic
 * ("parking", "insurance") is never turned into a covered one. A non-word is
 * corrected only towards a word the corpus or lexicon uses, within a small
 * edit distance, and only when one candidate is clearly best; when no corpus
 * word is that close, towards the dictionary's first suggestion if it is
 * another form of a corpus word ("halucinate" → "hallucinate", for a corpus
 * that says "hallucinations"). A word the corpus writes as two ("bloodwork",
 * "blood work") is split as the corpus writes it.
 *
 * Without a dictionary (Cloudflare Workers) the corpus vocabulary alone decides
 * what is a word, with the same first-letter and distance limits.
 */
import { wordTokens } from "../answer/text.js";
import { editDistance } from "../route/normalize.js";
import { isStopWord, stem } from "./terms.js";

/** A spelling dictionary: the slice of nspell this module needs. */
export interface WordChecker {
  /** True for a real word, inflections included. */
  correct(word: string): boolean;
  /** Likely intended words for a non-word, best first. */
  suggest(word: string): string[];
}

export interface Vocabulary {
  /** Every lowercased word the corpus or the lexicon uses. */
  words: Set<string>;
  /** Corpus and lexicon words by first letter: what a typo may be corrected to. */
  targets: Map<string, Set<string>>;
  /** Stems of those words: a dictionary word with one of them names something the corpus talks about. */
  stems: Set<string>;
  /** English dictionary; null means the corpus vocabulary alone decides. */
  dictionary: WordChecker | null;
  /** Every two words the corpus writes side by side ("blood work"), as "a b". */
  pairs: Set<string>;
}

const MIN_LENGTH = 5;
/** Shorter non-words are corrected only as `correctShortWord` allows. */
const MIN_SHORT_LENGTH = 3;
/** A short non-word's correction must be among the dictionary's first few guesses. */
const SHORT_SUGGESTIONS = 3;
/** Dictionary suggestions are slow for long non-words (up to ~200 ms): asked at most this often per message. */
const MAX_SUGGEST_CALLS = 3;

function addTarget(targets: Map<string, Set<string>>, word: string) {
  if (word.length < MIN_LENGTH - 1 || /\d/.test(word)) return;
  const bucket = targets.get(word[0]!) ?? new Set<string>();
  bucket.add(word);
  targets.set(word[0]!, bucket);
}

export function buildVocabulary(corpusTexts: string[], otherKnownWords: string[] = [], dictionary: WordChecker | null = null): Vocabulary {
  const words = new Set<string>();
  const targets = new Map<string, Set<string>>();
  // Word pairs come from the articles only; lexicon words only join the vocabulary.
  const pairs = new Set<string>();
  const add = (tokens: string[]) => {
    for (const word of tokens) {
      words.add(word);
      addTarget(targets, word);
    }
  };
  for (const text of corpusTexts) {
    const tokens = wordTokens(text);
    for (let i = 1; i < tokens.length; i++) pairs.add(`${tokens[i - 1]} ${tokens[i]}`);
    add(tokens);
  }
  for (const text of otherKnownWords) add(wordTokens(text));
  const stems = new Set([...words].map(stem));
  return { words, targets, stems, dictionary, pairs };
}

/** A real English word: the dictionary knows it as written, capitalized ("monday", "tylenol"), or as every hyphen part. */
export function isDictionaryWord(word: string, dictionary: WordChecker): boolean {
  const forms = (w: string) => dictionary.correct(w) || dictionary.correct(w[0]!.toUpperCase() + w.slice(1));
  if (forms(word)) return true;
  const parts = word.split(/['-]/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => p.length < 2 || forms(p));
}

interface SuggestBudget {
  left: number;
}

/**
 * The two words the corpus writes apart that a patient wrote as one ("bloodwork" for "blood work",
 * "aftercare" for "after care"), or null. Both must be corpus words of three letters or more, side by side
 * somewhere in the corpus, so "weekend" is never split into words that only occur apart.
 */
export function splitCompound(word: string, vocabulary: Vocabulary): string | null {
  for (let i = 3; i <= word.length - 3; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (vocabulary.words.has(a) && vocabulary.words.has(b) && !isStopWord(b) && vocabulary.pairs.has(`${a} ${b}`)) return `${a} ${b}`;
  }
  return null;
}

/** The corpus word a typo most likely meant, or null when it is a word, or none or several are equally close. */
export function correctWord(word: string, vocabulary: Vocabulary, budget: SuggestBudget = { left: MAX_SUGGEST_CALLS }): string | null {
  if (vocabulary.words.has(word) || isStopWord(word) || /\d/.test(word)) return null;
  if (word.length < MIN_LENGTH) return correctShortWord(word, vocabulary, budget);
  // Before the dictionary: "bloodwork" is an English word, but the articles say "blood work".
  const split = splitCompound(word, vocabulary);
  if (split) return split;
  const dictionary = vocabulary.dictionary;
  if (dictionary && isDictionaryWord(word, dictionary)) return null;
  const max = word.length >= 8 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const candidate of vocabulary.targets.get(word[0]!) ?? []) {
    const d = editDistance(word, candidate, max);
    if (d < bestDistance) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance && d <= max) best.push(candidate);
  }
  if (best.length === 1) return best[0]!;
  if (!dictionary || budget.left <= 0) return null;
  if (best.length === 0) {
    // No corpus word is close ("halucinate" vs "hallucinations"): the dictionary's best guess,
    // when it is another form of a word the corpus uses ("hallucinate", "drive" for "driving").
    budget.left--;
    const guess = dictionary.suggest(word)[0]?.toLowerCase();
    return guess && /^[a-z]+$/.test(guess) && guess[0] === word[0] && vocabulary.stems.has(stem(guess)) ? guess : null;
  }
  // Equally close corpus words ("sesions": sessions, lesions): the dictionary's
  // suggestions may single one out; when they do not, no guess.
  budget.left--;
  const suggested = new Set(dictionary.suggest(word).map((s) => s.toLowerCase()));
  const agreed = best.filter((c) => suggested.has(c));
  return agreed.length === 1 ? agreed[0]! : null;
}

/**
 * A short non-word ("hom", "ofen", "evry"), not a corpus word, stop word or number: with so few letters,
 * many words are one edit away, so it is corrected only with a dictionary, which must not know it as a
 * word and must suggest the one corpus word at distance 1 among its first guesses. Without a
 * dictionary, short words are left alone.
 */
function correctShortWord(word: string, vocabulary: Vocabulary, budget: SuggestBudget): string | null {
  const dictionary = vocabulary.dictionary;
  if (!dictionary || word.length < MIN_SHORT_LENGTH || budget.left <= 0 || isDictionaryWord(word, dictionary)) return null;
  const close = [...(vocabulary.targets.get(word[0]!) ?? [])].filter((c) => editDistance(word, c, 1) <= 1);
  if (close.length === 0) return null;
  budget.left--;
  const suggested = dictionary.suggest(word).slice(0, SHORT_SUGGESTIONS).map((s) => s.toLowerCase());
  const agreed = close.filter((c) => suggested.includes(c));
  return agreed.length === 1 ? agreed[0]! : null;
}

/** The text with each correctable word replaced; everything else unchanged. */
export function correctSpelling(text: string, vocabulary: Vocabulary): string {
  const budget: SuggestBudget = { left: MAX_SUGGEST_CALLS };
  return text.replace(/[\p{L}][\p{L}'’-]*/gu, (token) => {
    const lower = token.toLowerCase().replace(/[’‘]/g, "'");
    const fixed = correctWord(lower, vocabulary, budget);
    return fixed ?? token;
  });
}
