/**
 * Typo repair against the corpus vocabulary ("sesions" → "sessions"), before
 * retrieval. Only words the corpus and the lexicon do not know are touched,
 * only towards a word the corpus uses, and only within a small edit distance
 * with the same first letter, so a real word about an uncovered topic
 * ("parking", "insurance") is never turned into a covered one.
 */
import { wordTokens } from "../answer/text.js";
import { editDistance } from "../route/normalize.js";
import { isStopWord } from "./terms.js";

export interface Vocabulary {
  /** Every lowercased word the corpus or the lexicon uses. */
  words: Set<string>;
  /** Corpus words by first letter: what a typo may be corrected to. */
  targets: Map<string, Set<string>>;
}

const MIN_LENGTH = 5;

export function buildVocabulary(corpusTexts: string[], otherKnownWords: string[] = []): Vocabulary {
  const words = new Set<string>(otherKnownWords.map((w) => w.toLowerCase()));
  const targets = new Map<string, Set<string>>();
  for (const text of corpusTexts) {
    for (const word of wordTokens(text)) {
      words.add(word);
      if (word.length < MIN_LENGTH - 1 || /\d/.test(word)) continue;
      const bucket = targets.get(word[0]!) ?? new Set<string>();
      bucket.add(word);
      targets.set(word[0]!, bucket);
    }
  }
  return { words, targets };
}

/** The corpus word a typo most likely meant, or null when none is close enough (or two are equally close). */
export function correctWord(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_LENGTH || vocabulary.words.has(word) || isStopWord(word) || /\d/.test(word)) return null;
  const max = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of vocabulary.targets.get(word[0]!) ?? []) {
    const d = editDistance(word, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best) tie = true;
  }
  return best !== null && !tie ? best : null;
}

/** The text with each correctable word replaced; everything else unchanged. */
export function correctSpelling(text: string, vocabulary: Vocabulary): string {
  return text.replace(/[\p{L}][\p{L}'’-]*/gu, (token) => {
    const lower = token.toLowerCase();
    const fixed = correctWord(lower, vocabulary);
    return fixed ?? token;
  });
}
