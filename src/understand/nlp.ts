/**
 * wink-nlp with its small English model: tokens, sentences, part-of-speech
 * tags. Loaded once per process (about 0.3 s) and shared; reading a question
 * takes well under a millisecond.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface TaggedToken {
  /** The token as written. */
  text: string;
  /** Universal POS tag (NOUN, VERB, AUX, PRON, INTJ, PUNCT…). */
  pos: string;
}

export interface TaggedSentence {
  text: string;
  tokens: TaggedToken[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function instance(): Nlp {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** Sentences with tagged tokens. */
export function tagSentences(text: string): TaggedSentence[] {
  const its = instance().its;
  const doc = instance().readDoc(text);
  const out: TaggedSentence[] = [];
  doc.sentences().each((s: { tokens(): { out(f?: unknown): unknown }; out(): string }) => {
    const texts = s.tokens().out() as string[];
    const tags = s.tokens().out(its.pos) as string[];
    out.push({ text: s.out(), tokens: texts.map((t, i) => ({ text: t, pos: tags[i] ?? "X" })) });
  });
  return out;
}
