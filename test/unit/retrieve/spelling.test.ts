import { beforeAll, describe, expect, it } from "vitest";
import { loadEnglishDictionary } from "../../../src/retrieve/dictionary.js";
import { buildVocabulary, correctSpelling, correctWord, type Vocabulary, type WordChecker } from "../../../src/retrieve/spelling.js";

// A made-up clinic: "zorvadine" is an invented drug the dictionary cannot know.
const CORPUS = [
  "Sessions typically last between 1 to 2 hours.",
  "Nausea and dizziness are common side effects of zorvadine infusions.",
  "Marking the infusion schedule helps. Lesions on the skin are rare.",
  "Zorvadine is given as an infusion or as a nasal spray.",
  // Near neighbours of everyday words: the corpus-only repair turned "insurance" into "instance".
  "For instance, a parting note noting the brine baths and lessons in wearable devices.",
];
const LEXICON_WORDS = ["queasy", "throw"];

describe("typo repair with the English dictionary", () => {
  let dictionary: WordChecker;
  let vocabulary: Vocabulary;
  beforeAll(async () => {
    dictionary = await loadEnglishDictionary();
    vocabulary = buildVocabulary(CORPUS, LEXICON_WORDS, dictionary);
  });

  it("never changes a real English word the corpus lacks, inflections included", () => {
    // Each is one edit from a corpus word or lexicon word, or was changed by the corpus-only repair.
    for (const word of ["insurance", "parking", "nothing", "bring", "wear", "wearing", "brings", "marketing", "instances"]) {
      expect(correctWord(word, vocabulary), word).toBeNull();
    }
    expect(correctSpelling("Is there parking, and does insurance pay? Nothing to bring?", vocabulary)).toBe(
      "Is there parking, and does insurance pay? Nothing to bring?",
    );
  });

  it("fixes non-words towards the corpus word meant", () => {
    expect(correctWord("nausia", vocabulary)).toBe("nausea");
    expect(correctWord("efects", vocabulary)).toBe("effects");
    expect(correctWord("dizzyness", vocabulary)).toBe("dizziness");
    expect(correctSpelling("what are the side efects?", vocabulary)).toBe("what are the side effects?");
    expect(correctSpelling("how long r the sesions?", vocabulary)).toBe("how long r the sessions?");
  });

  it("fixes a short non-word only towards the one corpus word the dictionary also suggests", () => {
    const withDays = buildVocabulary([...CORPUS, "Most people come every week, more often at first."], LEXICON_WORDS, dictionary);
    expect(correctSpelling("how ofen, evry week?", withDays)).toBe("how often, every week?");
    // Real short words, texting forms and abbreviations stay as written.
    expect(correctSpelling("can u bike to the gym, or is a PT visit best?", withDays)).toBe("can u bike to the gym, or is a PT visit best?");
    // Without a dictionary nothing says what a short word is: it stays.
    expect(correctWord("ofen", buildVocabulary(["more often at first"]))).toBeNull();
  });

  it("falls back to the dictionary's best guess when it is another form of a corpus word", () => {
    // Three edits from "hallucinations", one from "driving"'s verb: no corpus word is close enough.
    const forms = buildVocabulary(["Hallucinations are rare. Avoid driving after a session."], [], dictionary);
    expect(correctWord("halucinate", forms)).toBe("hallucinate");
    expect(correctWord("drvie", forms)).toBe("drive");
    // The dictionary's guess names nothing the corpus talks about: left alone, as an off-corpus word.
    expect(correctWord("insurence", forms)).toBeNull();
    expect(correctSpelling("can i drvie after?", forms)).toBe("can i drive after?");
  });

  it("splits a word the articles write as two, only where they do write it so", () => {
    const articles = buildVocabulary(["We check blood work before you start. Call us at the end of each week."], [], dictionary);
    expect(correctWord("bloodwork", articles)).toBe("blood work");
    expect(correctSpelling("how often is the bloodwork?", articles)).toBe("how often is the blood work?");
    // "week" and "end" are both article words, but never side by side.
    expect(correctWord("weekend", articles)).toBeNull();
    expect(correctWord("checkup", articles)).toBeNull();
    // Split before the dictionary is asked: "healthcare" is an English word, the articles say "health care".
    expect(dictionary.correct("healthcare")).toBe(true);
    expect(correctWord("healthcare", buildVocabulary(["Good health care starts early."], [], dictionary))).toBe("health care");
  });

  it("keeps the tie rule: no correction when equally close corpus words remain", () => {
    // Two invented drugs one edit apart from the typo, neither known to the dictionary.
    const twoDrugs = buildVocabulary(["zorvadine and zorvadone are both infused."], [], dictionary);
    expect(correctWord("zorvadne", twoDrugs)).toBeNull();
    // Both "sessions" and "seasons" are one edit away and both are dictionary suggestions.
    const seasons = buildVocabulary(["sessions in all seasons"], [], dictionary);
    expect(correctWord("sessons", seasons)).toBeNull();
  });

  it("lets the dictionary's suggestions single out one of equally close corpus words", () => {
    const suggestsOne: WordChecker = { correct: () => false, suggest: () => ["Sessions", "setions"] };
    const tied = buildVocabulary(["the sessions and the seasons"], [], suggestsOne);
    expect(correctWord("sessons", tied)).toBe("sessions");
    const suggestsNone: WordChecker = { correct: () => false, suggest: () => [] };
    expect(correctWord("sessons", buildVocabulary(["the sessions and the seasons"], [], suggestsNone))).toBeNull();
  });

  it("treats corpus-only words (a drug name the dictionary lacks) as words and fixes their typos", () => {
    expect(dictionary.correct("zorvadine")).toBe(false);
    expect(correctWord("zorvadine", vocabulary)).toBeNull();
    expect(correctWord("zorvadin", vocabulary)).toBe("zorvadine");
    expect(correctWord("zorvedine", vocabulary)).toBe("zorvadine");
    expect(correctSpelling("Is Zorvadne safe?", vocabulary)).toBe("Is zorvadine safe?");
  });

  it("leaves lexicon words, short words, numbers and unfixable non-words alone", () => {
    expect(correctWord("queasy", vocabulary)).toBeNull();
    expect(correctWord("lst", vocabulary)).toBeNull();
    expect(correctWord("2hours", vocabulary)).toBeNull();
    expect(correctWord("qwzxv", vocabulary)).toBeNull();
    expect(correctSpelling("I don’t know, they’re fine", vocabulary)).toBe("I don’t know, they’re fine");
  });
});

describe("typo repair without a dictionary (Workers): the corpus vocabulary alone", () => {
  const vocabulary = buildVocabulary(CORPUS, LEXICON_WORDS);

  it("still corrects misspelled corpus words", () => {
    expect(correctWord("sesions", vocabulary)).toBe("sessions");
    expect(correctWord("nause", vocabulary)).toBe("nausea");
  });

  it("cannot tell a real word from a typo of a corpus word (what the dictionary is for)", () => {
    expect(correctWord("insurance", vocabulary)).toBe("instance");
    expect(correctWord("nothing", vocabulary)).toBe("noting");
    expect(correctWord("parking", vocabulary)).toBe("parting");
  });

  it("never turns a word of another first letter into a covered one", () => {
    // Same length and one edit from "marking", but a different first letter.
    const withoutParting = buildVocabulary(CORPUS.slice(0, 3));
    expect(correctWord("parking", withoutParting)).toBeNull();
    expect(correctSpelling("Is there parking?", withoutParting)).toBe("Is there parking?");
  });
});
