/**
 * Part-of-speech tags and lemmas for one sentence, from wink-nlp's small English
 * model. Loaded once per process (about 0.3 s) on first use; only index builds
 * and the doctor call it, never a request.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface TaggedToken {
  /** Lower-cased form as written ("booking"). */
  normal: string;
  /** Dictionary form ("book"). */
  lemma: string;
  /** Universal POS tag (VERB, NOUN, PROPN, PRON, AUX, PUNCT…). */
  pos: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

export function tagTokens(text: string): TaggedToken[] {
  nlp ??= winkNLP(model, ["pos"]);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const normals = tokens.out(its.normal) as string[];
  const lemmas = tokens.out(its.lemma as typeof its.normal) as string[] // the model's lemma addon is typed loosely;
  const tags = tokens.out(its.pos) as string[];
  return normals.map((normal, i) => ({ normal, lemma: lemmas[i] ?? normal, pos: tags[i] ?? "X" }));
}
