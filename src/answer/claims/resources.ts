/**
 * Assembles the verifier's paraphrase sources: the staff lexicon (patients'
 * phrases that may stand for the articles' phrases) and a thesaurus.
 */
import type { Lexicon } from "../../retrieve/lexicon.js";
import type { PhraseEntry, VerifierResources } from "../verify.js";
import type { Thesaurus } from "./wordnet.js";

/** Lexicon entries as phrase pairs; patient phrases with a `*` gap are question templates, not paraphrases, and are left out. */
export function phraseEntries(lexicon: Lexicon): PhraseEntry[] {
  return lexicon.entries.map((e) => ({ patient: e.phrases.filter((p) => !p.includes("*")), articles: e.articlePhrases }));
}

export function verifierResources(lexicon: Lexicon | null, thesaurus: Thesaurus | null): VerifierResources {
  return { thesaurus, lexicon: lexicon ? phraseEntries(lexicon) : [] };
}
