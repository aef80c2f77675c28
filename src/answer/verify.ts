/**
 * Run-time claim check for generated sentences: a sentence reaches a patient
 * only when the sentences it cites entail it. Deterministic rules, in order:
 *
 * 1. Support set: the generated sentence is aligned to at most
 *    `maxSupportSentences` sentences of the cited passages (greedy cover of
 *    its words). Every later rule looks at those sentences only, so a claim
 *    that sits next to the cited one in the article is not support.
 * 2. Numbers, quantities (with units and ranges, "several hours"), frequencies.
 * 3. Every content word is in the support set, or is a known paraphrase of a
 *    word there: same lemma or stem, a WordNet synonym / derivation /
 *    pertainym / hypernym of it, a WordNet multiword entry equivalent to one,
 *    or a staff-lexicon phrase whose article words are there. No unsupported
 *    content word is allowed, except one general verb standing in for a source
 *    predicate the sentence does not restate (see generalVerbStandIn).
 * 4. Absolutes ("cure", "guarantee", "permanent", "completely"…) only when the
 *    same word is in the support set.
 * 5. Quantifiers (all/every/always > most/usually > many/often > some) no
 *    stronger than the support set's.
 * 6. Hedges: a claim the support set hedges ("may", "can", "potential",
 *    "suggests") stays hedged; hardeners ("will", "must", "proven",
 *    "confirmed") only when the support set has them; obligations ("should")
 *    only when the support set states one.
 * 7. Negation: a negated claim needs a negation over the same words in the
 *    support set, and a negated source claim may not be restated positively.
 * 8. Direction: more/less, faster/slower, better/worse, increase/reduce need a
 *    support word of the same dimension and direction; "X over/than Y" keeps
 *    X and Y on their sides.
 *
 * Every rule errs towards dropping: a lost sentence costs fluency, an
 * unsupported one costs trust.
 */
import { splitSentences } from "./text.js";
import { analyzeSentence, type AnalyzedSentence, type ClaimToken } from "./claims/analyze.js";
import { extractFacts, type Facts } from "./claims/facts.js";
import {
  ABSOLUTE_WORDS,
  CAUSAL_LINKS,
  REVERSING_VERBS,
  DIRECTION_WORDS,
  ORDER_ANCHORS,
  QUANTIFIER_STRENGTH,
  EXISTENTIAL_HEDGES,
  RESTRICTORS,
  POPULATION_NOUNS,
  NARROWING_OPENERS,
} from "./claims/grammar.js";
import type { Thesaurus } from "./claims/wordnet.js";

export { extractFacts, type Facts } from "./claims/facts.js";

/** A staff lexicon entry as the verifier uses it: patients' phrases (tokens) that may stand for the articles' phrases (stems). */
export interface PhraseEntry {
  patient: string[][];
  articles: string[][];
}

export interface VerifierResources {
  thesaurus: Thesaurus | null;
  lexicon: readonly PhraseEntry[];
}

export interface VerifyOptions {
  /** Most source sentences one generated sentence may draw on (a merge of two or three cited sentences). */
  maxSupportSentences: number;
  /** Paraphrase sources; without them only same-lemma/stem words count as support (stricter). */
  resources?: VerifierResources;
}

export const DEFAULT_VERIFY: VerifyOptions = { maxSupportSentences: 3 };

export type VerifyReason =
  | "ok"
  | "no_citation"
  | "no_content"
  | "number_not_in_passage"
  | "quantity_not_in_passage"
  | "frequency_not_in_passage"
  | "unsupported_word"
  | "absolute_not_in_passage"
  | "quantifier_stronger"
  | "quantifier_dropped"
  | "group_widened"
  | "hedge_dropped"
  | "hardener_not_in_passage"
  | "obligation_not_in_passage"
  | "negation_mismatch"
  | "direction_mismatch"
  | "cause_not_in_passage"
  | "order_swapped";

export interface VerifyResult {
  ok: boolean;
  reason: VerifyReason;
  /** Share of the sentence's content words supported (0–1). */
  support: number;
  /** The support-set sentences (verbatim from the cited text), when the sentence was aligned. */
  supportSentences: string[];
  /** Words of the generated sentence without support (for reports and tests; never logged). */
  unsupported: string[];
}

// ------------------------------------------------------------------ matching

interface SourceView {
  sentences: AnalyzedSentence[];
  forms: Set<string>;
  stems: Set<string>;
  /** Words a paraphrase may use for some word of the source (equivalent or broader). */
  related: Set<string>;
  /** Only the equivalents. */
  equivalent: Set<string>;
  /** Nouns of the cited article's title and headings: what the passage is about ("the treatment" → "ketamine therapy"). */
  context: ReadonlySet<string>;
  /** Initials of the runs of words of the support set and of the title and headings ("restless legs syndrome" → "rls"). */
  initialisms: ReadonlySet<string>;
  /** Acronyms written in the support set, title and headings ("RLS" → "rls"). */
  acronyms: ReadonlySet<string>;
  thesaurus: Thesaurus | null;
  text: string;
}

type SentenceSets = Pick<SourceView, "forms" | "stems" | "related" | "equivalent" | "initialisms" | "acronyms">;

/** What the cited article's title and headings say the passage is about: their nouns, initials and acronyms. */
interface Topic {
  nouns: ReadonlySet<string>;
  initialisms: ReadonlySet<string>;
  acronyms: ReadonlySet<string>;
}
const NO_TOPIC: Topic = { nouns: new Set(), initialisms: new Set(), acronyms: new Set() };
/** Per analyzed sentence (itself cached per text): article sentences are checked again and again. */
const setsCache = new WeakMap<AnalyzedSentence, { thesaurus: Thesaurus | null; sets: SentenceSets }>();

function viewOf(sentences: AnalyzedSentence[], thesaurus: Thesaurus | null, topic: Topic = NO_TOPIC): SourceView {
  const all = sentences.map((s) => {
    const hit = setsCache.get(s);
    if (hit && hit.thesaurus === thesaurus) return hit.sets;
    const sets = sentenceSets(s, thesaurus);
    setsCache.set(s, { thesaurus, sets });
    return sets;
  });
  const merge = (key: "forms" | "stems" | "related" | "equivalent") => (all.length === 1 ? all[0]![key] : new Set(all.flatMap((x) => [...x[key]])));
  const withTopic = (key: "initialisms" | "acronyms") => new Set([...all.flatMap((x) => [...x[key]]), ...topic[key]]);
  return {
    sentences, forms: merge("forms"), stems: merge("stems"), related: merge("related"), equivalent: merge("equivalent"),
    context: topic.nouns, initialisms: withTopic("initialisms"), acronyms: withTopic("acronyms"), thesaurus, text: sentences.map((s) => s.text).join(" "),
  };
}

/** Tags of words an acronym does not spell ("Department of Health" is "DH" or "DOH"). */
const MINOR_POS = new Set(["ADP", "CCONJ", "DET", "PART"]);
const MAX_ACRONYM = 6;

/**
 * Initials of every run of two to six content words within a clause (minor words inside counted or
 * skipped): "Restless Legs Syndrome" → "rls", "United States" → "us". Two letters are easily spelled
 * by chance, so a two-letter acronym needs words written with capitals, as names are.
 */
function initialsOf(tokens: ClaimToken[], from: number): Array<{ initials: string; end: number }> {
  const out: Array<{ initials: string; end: number }> = [];
  const first = tokens[from]!;
  const isMajor = (t: ClaimToken) => t.role === "content" && /^[a-z]/.test(t.normal);
  if (!isMajor(first)) return out;
  let all = "";
  let major = "";
  let capitals = true;
  for (let j = from; j < tokens.length && all.length < MAX_ACRONYM + 3; j++) {
    const t = tokens[j]!;
    const minor = MINOR_POS.has(t.pos) && /^[a-z]/.test(t.normal);
    if (t.clause !== first.clause || (!minor && !isMajor(t))) break;
    all += t.normal[0];
    if (minor) continue;
    major += t.normal[0];
    capitals &&= t.capital === true;
    if (j === from) continue;
    for (const initials of new Set([all, major])) {
      if (initials.length <= MAX_ACRONYM && (initials.length >= 3 || (initials.length === 2 && capitals))) out.push({ initials, end: j });
    }
  }
  return out;
}

function initialismsOf(s: AnalyzedSentence): Set<string> {
  return new Set(s.tokens.flatMap((_, i) => initialsOf(s.tokens, i).map((x) => x.initials)));
}

const acronymsOf = (s: AnalyzedSentence) => new Set(s.tokens.flatMap((t) => (t.initials ? [t.initials] : [])));

function sentenceSets(s: AnalyzedSentence, thesaurus: Thesaurus | null): SentenceSets {
  const forms = new Set<string>();
  const stems = new Set<string>();
  const related = new Set<string>();
  const equivalent = new Set<string>();
  for (const t of s.tokens) {
    for (const f of t.forms) forms.add(f);
    stems.add(t.stem);
    if (!thesaurus || t.role === "function") continue;
    for (const f of t.forms) {
      for (const r of thesaurus.equivalent(f)) {
        related.add(r);
        equivalent.add(r);
      }
      for (const r of thesaurus.broader(f)) related.add(r);
    }
  }
  return { forms, stems, related, equivalent, initialisms: initialismsOf(s), acronyms: acronymsOf(s) };
}

function tokenInView(t: ClaimToken, view: SourceView): boolean {
  if (t.forms.some((f) => view.forms.has(f) || view.related.has(f) || view.context.has(f)) || view.stems.has(t.stem)) return true;
  // An acronym of words the source or its title spells out ("RLS" for "restless legs syndrome").
  if (t.initials !== undefined && view.initialisms.has(t.initials)) return true;
  // Equivalence read from the generated word's side too (WordNet lists some derivations one way only).
  const th = view.thesaurus;
  if (th === null) return false;
  // A derivation of a generalisation: "treated" for "therapy" (therapy → treatment → treat). Same word family only.
  const family = (e: string) => e.startsWith(t.stem.slice(0, Math.max(4, t.stem.length - 1)));
  if (t.forms.some((f) => [...th.equivalent(f)].some((e) => view.forms.has(e) || (family(e) && view.related.has(e))))) return true;
  // Verbs paraphrase through a shared synonym ("runs" ~ "lasts" via "extends"); nouns would drift too far.
  // Not for a verb that reverses what it governs ("remove" shares "take" with "administer").
  return t.pos === "VERB" && !t.forms.some((f) => REVERSING_VERBS.has(f)) && t.forms.some((f) => [...th.equivalent(f)].some((e) => view.equivalent.has(e)));
}

/** Indexes of tokens covered by a multiword paraphrase ("make sure" for "ensure") or a lexicon phrase. */
function phraseCovered(tokens: ClaimToken[], view: SourceView, resources: VerifierResources | undefined): Set<number> {
  const covered = new Set<number>();
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const slice = tokens.slice(i, i + n);
      const joined = [slice.map((t) => t.normal).join(" "), slice.map((t) => t.lemma).join(" ")];
      if (joined.some((j) => view.forms.has(j) || view.related.has(j))) for (let k = i; k < i + n; k++) covered.add(k);
    }
  }
  const th = view.thesaurus;
  if (th) {
    for (let i = 0; i < tokens.length; i++) {
      // "make sure" for "ensure", "make able" for "enable": English forms a causative verb with en-/em-.
      const next = tokens[i + 1];
      if (tokens[i]!.lemma === "make" && next?.role === "content" && ["en", "em"].some((p) => view.forms.has(p + next.lemma))) covered.add(i + 1);
      // A multiword entry of the generated sentence ("take place", "so far") as one word: equivalent to a source word.
      for (let n = 2; n <= 3 && i + n <= tokens.length; n++) {
        const entry = multiword(tokens.slice(i, i + n), th);
        if (entry && [...th.equivalent(entry)].some((e) => view.forms.has(e))) for (let k = i; k < i + n; k++) covered.add(k);
      }
    }
  }
  // Words spelling out an acronym of the source or its title ("restless legs syndrome" for "RLS").
  if (view.acronyms.size > 0) {
    for (let i = 0; i < tokens.length; i++) {
      for (const { initials, end } of initialsOf(tokens, i)) if (view.acronyms.has(initials)) for (let k = i; k <= end; k++) covered.add(k);
    }
  }
  for (const entry of resources?.lexicon ?? []) {
    const articleThere = entry.articles.some((stems) => stems.length > 0 && stems.every((s) => view.stems.has(s)));
    if (!articleThere) continue;
    for (const phrase of entry.patient) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((w, k) => tokens[i + k]!.normal === w || tokens[i + k]!.lemma === w)) for (let k = i; k < i + phrase.length; k++) covered.add(k);
      }
    }
  }
  return covered;
}

/** The WordNet entry a run of tokens spells ("takes place" → "take place"), or null. */
function multiword(slice: ClaimToken[], th: Thesaurus): string | null {
  if (!slice.some((t) => t.role === "content")) return null;
  for (const joined of [slice.map((t) => t.lemma).join(" "), slice.map((t) => t.normal).join(" ")]) {
    if ((["verb", "adv", "adj", "noun"] as const).some((pos) => th.has(joined, pos))) return joined;
  }
  return null;
}

function supportedContent(sentence: AnalyzedSentence, view: SourceView, resources: VerifierResources | undefined): boolean[] {
  const covered = phraseCovered(sentence.tokens, view, resources);
  return sentence.tokens.map((t, i) => t.role !== "content" || covered.has(i) || tokenInView(t, view));
}

// ------------------------------------------------------------ general verbs

/** Other words the sentence must restate before a general verb may stand in for the source's. */
const GENERAL_VERB_ANCHORS = 2;

/**
 * Words that carry a direction, an absolute or a reversal: a verb that implies one ("relieve" → "improve",
 * "heal" → "cure", "remove" → "take away") is a claim of its own, not a light verb. (Causal verbs are left out: "deliver" can mean "bring" without
 * claiming a cause, and a causal word in the sentence is checked by its own rule.)
 */
function carriesClaim(words: Iterable<string>): boolean {
  for (const w of words) if (DIRECTION_WORDS.has(w) || ABSOLUTE_WORDS.has(w) || REVERSING_VERBS.has(w)) return true;
  return false;
}

/** A source word that predicates: a verb, or a noun made from one ("administration" ← "administrate"). */
function isPredicate(t: ClaimToken, th: Thesaurus): boolean {
  if (t.pos === "VERB") return true;
  return t.pos === "NOUN" && t.forms.some((f) => f !== t.normal && f !== t.lemma && th.has(f, "verb"));
}

/**
 * The one unsupported content word (or multiword verb, "takes place") that may
 * stay: a general verb ("delivers" for "administering", "receiving" for
 * "administration") whose meaning comes from its arguments. Allowed only when
 * it is the sentence's sole unsupported word, at least two other content words
 * are restated, it implies no direction or absolute, and it stands in for a
 * source predicate the sentence does not restate (a substitution, not an
 * addition). Numbers, negation, modality, quantifiers and direction are still
 * checked afterwards as for any sentence.
 */
function generalVerbStandIn(gen: AnalyzedSentence, supported: boolean[], support: AnalyzedSentence[], th: Thesaurus | null): number[] {
  if (!th) return [];
  const missing = gen.tokens.map((t, i) => (supported[i] ? -1 : i)).filter((i) => i >= 0);
  if (missing.length === 0 || missing.length > 2) return [];
  let verb: string | null = null;
  let span: number[] = missing;
  if (missing.length === 1 && gen.tokens[missing[0]!]!.pos === "VERB") {
    const t = gen.tokens[missing[0]!]!;
    verb = [t.lemma, ...t.forms].find((f) => th.has(f, "verb")) ?? null;
  }
  if (verb === null) {
    // A multiword verb around the missing words ("takes place"): every missing word inside it.
    for (let n = 2; n <= 3 && verb === null; n++) {
      for (let i = Math.max(0, missing[missing.length - 1]! - n + 1); i <= missing[0]! && i + n <= gen.tokens.length; i++) {
        const entry = multiword(gen.tokens.slice(i, i + n), th);
        if (entry && th.has(entry, "verb")) {
          verb = entry;
          span = Array.from({ length: n }, (_, k) => i + k);
          break;
        }
      }
    }
  }
  if (verb === null || !th.generalVerb(verb)) return [];
  if (carriesClaim([verb, ...th.equivalent(verb), ...th.broader(verb)])) return [];
  const anchors = gen.tokens.filter((t, i) => t.role === "content" && supported[i] && !span.includes(i)).length;
  if (anchors < GENERAL_VERB_ANCHORS) return [];
  const genWords = gen.tokens.filter((t) => t.role !== "function" || t.pos === "VERB");
  const standsIn = support.some((s) => s.tokens.some((u) => isPredicate(u, th) && !genWords.some((g) => sameWord(g, u, th))));
  return standsIn ? span : [];
}

// ------------------------------------------------------------- support set

function factKeys(f: Facts): string[] {
  return [...f.numbers, ...f.quantities, ...f.frequencies, ...[...f.units].map((u) => `unit:${u}`)];
}

/** Greedy cover: the source sentence that supports most of what the generated sentence says, then the next that adds most. */
function chooseSupport(gen: AnalyzedSentence, genFacts: Facts, candidates: AnalyzedSentence[], options: VerifyOptions, topic: Topic): AnalyzedSentence[] {
  const thesaurus = options.resources?.thesaurus ?? null;
  const contentIdx = gen.tokens.map((t, i) => (t.role === "content" ? i : -1)).filter((i) => i >= 0);
  // Closed-class words ("some", "may", "not", "more") count too: the sentence that hedges or quantifies the claim belongs in the set.
  const closedIdx = gen.tokens.map((t, i) => (t.role !== "content" && t.role !== "function" && t.role !== "number" ? i : -1)).filter((i) => i >= 0);
  const keys = factKeys(genFacts);
  const perSentence = candidates.map((s) => {
    const view = viewOf([s], thesaurus, topic);
    const supported = supportedContent(gen, view, options.resources);
    const facts = extractFacts(s.text);
    const have = new Set(factKeys(facts));
    const closed = closedIdx.filter((i) => s.tokens.some((u) => u.normal === gen.tokens[i]!.normal || u.lemma === gen.tokens[i]!.lemma));
    return { s, content: new Set([...contentIdx.filter((i) => supported[i]), ...closed]), facts: new Set(keys.filter((k) => have.has(k))) };
  });
  const chosen: typeof perSentence = [];
  const gotContent = new Set<number>();
  const gotFacts = new Set<string>();
  while (chosen.length < options.maxSupportSentences) {
    let best: (typeof perSentence)[number] | null = null;
    let bestGain = 0;
    for (const c of perSentence) {
      if (chosen.includes(c)) continue;
      const gain = [...c.content].filter((i) => !gotContent.has(i)).length + [...c.facts].filter((k) => !gotFacts.has(k)).length;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const i of best.content) gotContent.add(i);
    for (const k of best.facts) gotFacts.add(k);
    if (gotContent.size === contentIdx.length + closedIdx.length && gotFacts.size === keys.length) break;
  }
  // Keep article order: scopes and restatements read more naturally that way, and it is deterministic.
  return candidates.filter((s) => chosen.some((c) => c.s === s));
}

// ------------------------------------------------------------------ scopes

/** How many content words after a negator or hedge it governs (within its clause). */
const SCOPE_WORDS = 6;

const isScoped = (t: ClaimToken) => t.role === "content" || t.role === "direction";
/** A quantifier's scope also counts the nouns the grammar lists as function words ("many people"). */
const isQuantified = (t: ClaimToken) => isScoped(t) || t.pos === "NOUN";

/** Content tokens governed by each token of `role` ("not", "may"), one list per occurrence. */
function scopes(s: AnalyzedSentence, isTrigger: (t: ClaimToken) => boolean, inScope: (t: ClaimToken) => boolean = isScoped): ClaimToken[][] {
  const out: ClaimToken[][] = [];
  s.tokens.forEach((t, i) => {
    if (!isTrigger(t)) return;
    const scope: ClaimToken[] = [];
    for (let j = i + 1; j < s.tokens.length && scope.length < SCOPE_WORDS; j++) {
      const u = s.tokens[j]!;
      if (u.clause !== t.clause) break;
      if (inScope(u)) scope.push(u);
    }
    out.push(scope);
  });
  return out;
}

function sameWord(a: ClaimToken, b: ClaimToken, thesaurus: Thesaurus | null): boolean {
  if (a.stem === b.stem || a.forms.some((f) => b.forms.includes(f))) return true;
  if (!thesaurus) return false;
  return b.forms.some((f) => a.forms.some((g) => thesaurus.equivalent(f).has(g) || thesaurus.equivalent(g).has(f)));
}

/** `a` says what `b` says, or a generalisation of it ("request" for "ask": asking is a kind of requesting). */
function sameOrBroader(a: ClaimToken, b: ClaimToken, thesaurus: Thesaurus | null): boolean {
  return sameWord(a, b, thesaurus) || (thesaurus !== null && b.forms.some((f) => a.forms.some((g) => thesaurus.broader(f).has(g))));
}

const isNegator = (t: ClaimToken) => t.role === "negator";
const isHedge = (t: ClaimToken) => t.role === "hedge" && !EXISTENTIAL_HEDGES.has(t.normal);
/**
 * Quantifiers that narrow a claim ("some", "many", "most", "sometimes", "usually"): dropping one
 * widens it ("sometimes used" → "used", "many people" → "people"). "much" is left out: it is mostly a
 * degree word ("much thinner"); counts ("multiple sessions", "several weeks") say how many, not of whom.
 */
const isRestrictor = (t: ClaimToken) => t.role === "quantifier" && RESTRICTORS.has(t.normal);
/** What keeps a narrowed claim narrow in a rewording: a quantifier or a hedge ("some people" → "people may"). */
const keepsNarrow = (t: ClaimToken) => t.role === "quantifier" || t.role === "hedge";

/**
 * For every source scope (negated or hedged) that the generated sentence
 * restates — at least half of its words — the generated sentence must put
 * one of the restated words under the same kind of scope.
 */
function scopeKept(
  gen: AnalyzedSentence,
  support: AnalyzedSentence[],
  trigger: (t: ClaimToken) => boolean,
  thesaurus: Thesaurus | null,
  genTrigger: (t: ClaimToken) => boolean = trigger,
  inScope: (t: ClaimToken) => boolean = isScoped,
): boolean {
  const genScopes = scopes(gen, genTrigger, inScope);
  const genContent = gen.tokens.filter(inScope);
  for (const s of support) {
    for (const scope of scopes(s, trigger, inScope)) {
      if (scope.length === 0) continue;
      const restated = scope.filter((w) => genContent.some((g) => sameWord(g, w, thesaurus)));
      if (restated.length < Math.max(1, Math.ceil(scope.length / 2))) continue;
      const kept = genScopes.some((gs) => gs.some((g) => restated.some((w) => sameWord(g, w, thesaurus))));
      if (!kept) return false;
    }
  }
  return true;
}

/** A negated generated claim needs a negation over some of the same words in the support set. */
function negationSupported(gen: AnalyzedSentence, support: AnalyzedSentence[], thesaurus: Thesaurus | null): boolean {
  const sourceScopes = support.flatMap((s) => scopes(s, isNegator));
  for (const scope of scopes(gen, isNegator)) {
    if (scope.length === 0 ? sourceScopes.length === 0 : !sourceScopes.some((ss) => ss.some((w) => scope.some((g) => sameWord(g, w, thesaurus))))) return false;
  }
  return true;
}

// ------------------------------------------------------------ closed classes

/** Quantifiers that make a claim, with their strength ("every 3 months", "not … any", "how many" do not). */
function quantifiers(s: AnalyzedSentence): Array<{ index: number; strength: number }> {
  const out: Array<{ index: number; strength: number }> = [];
  s.tokens.forEach((t, i) => {
    const strength = QUANTIFIER_STRENGTH[t.normal];
    if (strength === undefined) return;
    // "how many", "how much": a question about an amount, not a claim about one.
    if (s.tokens[i - 1]?.normal === "how") return;
    // "more often", "less commonly": a comparison (checked as one), not a claim of how often.
    if (t.comparative) return;
    const next = s.tokens[i + 1];
    // "every 3 months", "each week": a frequency, checked with the numbers.
    if ((t.normal === "every" || t.normal === "each") && next && (next.role === "number" || /^(?:minute|hour|day|week|month|year|other)s?$/.test(next.normal))) return;
    // "any" under a negation ("without any", "not … any more") is not a universal claim.
    if (t.normal === "any" && s.tokens.slice(0, i).some((u) => u.role === "negator" && u.clause === t.clause)) return;
    out.push({ index: i, strength });
  });
  return out;
}

/** A quantifier's clause; an introductory phrase without a verb ("After each session, …") governs the clause after it. */
function governedContent(s: AnalyzedSentence, index: number): ClaimToken[] {
  const clause = s.tokens[index]!.clause;
  const own = s.tokens.filter((t) => t.clause === clause);
  const extend = !own.some((t) => t.pos === "VERB" || t.pos === "AUX");
  return s.tokens.filter((t) => (t.clause === clause || (extend && t.clause === clause + 1)) && t.role === "content");
}

function clauseContent(s: AnalyzedSentence, index: number): ClaimToken[] {
  const clause = s.tokens[index]!.clause;
  return s.tokens.filter((t) => t.clause === clause && t.role === "content");
}

/**
 * Each quantifier of the generated sentence needs one at least as strong in a
 * support sentence that says most of what the quantifier's clause says: "each infusion takes 40
 * minutes" does not license "side effects always fade".
 */
function quantifiersSupported(gen: AnalyzedSentence, support: AnalyzedSentence[], thesaurus: Thesaurus | null): boolean {
  const sourceQs = support.flatMap((s) => quantifiers(s).map((q) => ({ ...q, clause: governedContent(s, q.index) })));
  // "some", "a few", "several" claim no more than a plain statement does: only "many" and stronger need support.
  return quantifiers(gen).filter((q) => q.strength >= 2).every((q) => {
    const own = clauseContent(gen, q.index);
    return sourceQs.some((sq) => {
      if (sq.strength < q.strength) return false;
      const shared = own.filter((g) => sq.clause.some((w) => sameOrBroader(g, w, thesaurus))).length;
      return shared >= Math.ceil(own.length / 2);
    });
  });
}

function hasWord(support: AnalyzedSentence[], t: ClaimToken): boolean {
  return support.some((s) => s.tokens.some((u) => u.stem === t.stem || u.forms.some((f) => t.forms.includes(f))));
}

function directionsOf(t: ClaimToken): Array<[string, string]> {
  return DIRECTION_WORDS.get(t.normal) ?? DIRECTION_WORDS.get(t.lemma) ?? [];
}

/** "more" in "any more" / "no more" means "additional", not a comparison. */
function isComparison(s: AnalyzedSentence, i: number): boolean {
  const t = s.tokens[i]!;
  if (t.normal === "more" && ["any", "no"].includes(s.tokens[i - 1]?.normal ?? "")) return false;
  return true;
}

/** Most words of a group-narrowing phrase when the tagger finds no verb after it. */
const PHRASE_WORDS = 6;

/**
 * "patients with a recent episode of back pain need 6 to 8 visits": the phrase after a group noun says
 * which of them the claim is about. A rewording that names the group and restates the claim must keep
 * all of that phrase (its words and numbers), or it widens the claim to the whole group.
 */
function populationKept(gen: AnalyzedSentence, support: AnalyzedSentence[], thesaurus: Thesaurus | null): boolean {
  const genWords = gen.tokens.filter((t) => t.role !== "function" || POPULATION_NOUNS.has(t.normal));
  const inGen = (w: ClaimToken) => genWords.some((g) => sameWord(g, w, thesaurus)) || (w.role === "number" && gen.tokens.some((g) => g.normal === w.normal));
  for (const s of support) {
    for (let i = 0; i + 1 < s.tokens.length; i++) {
      const group = s.tokens[i]!;
      const opener = s.tokens[i + 1]!;
      if (!POPULATION_NOUNS.has(group.normal) || !NARROWING_OPENERS.has(opener.normal) || opener.clause !== group.clause) continue;
      // The phrase runs to the claim's verb (a participle opener is the phrase's own verb), or, when the
      // tagger finds none ("…aged 12 to 24 experience acne" read as a noun), at most PHRASE_WORDS words.
      let end = i + 2;
      while (end < s.tokens.length && s.tokens[end]!.clause === group.clause && s.tokens[end]!.pos !== "VERB" && s.tokens[end]!.pos !== "AUX") end++;
      if (end >= s.tokens.length || s.tokens[end]!.clause !== group.clause) end = Math.min(end, i + 2 + PHRASE_WORDS);
      const phrase = s.tokens.slice(i + 2, end).filter((u) => u.role === "content" || u.role === "number");
      const claim = s.tokens.slice(end).filter((u) => u.clause === group.clause && u.role === "content");
      if (phrase.length === 0 || !inGen(group) || !claim.some(inGen)) continue;
      if (!phrase.every(inGen)) return false;
    }
  }
  return true;
}

/** Words that make a comparison of the word after them ("more common", "less likely"). */
const ANALYTIC_COMPARATIVES = new Set(["more", "less", "most", "least", "fewer"]);
const COMPARED_POS = new Set(["ADJ", "ADV", "NOUN", "VERB"]);

interface DirectionItem {
  dimension: string;
  direction: string;
  /** What is compared: the adjective of "longer"/"more common", or the noun after ("higher risk"); empty when unbound. */
  keys: string[];
}

/**
 * The comparisons of a sentence, each bound to what it compares when the
 * words say so: "more common" and "less common" are about "common", "longer"
 * about "long". A comparison of a word that itself has a direction ("more
 * quickly") takes that word's dimension and is matched by dimension alone.
 */
function directionItems(s: AnalyzedSentence): DirectionItem[] {
  const items: DirectionItem[] = [];
  const consumed = new Set<number>();
  s.tokens.forEach((t, i) => {
    const dirs = directionsOf(t);
    if (dirs.length === 0 || consumed.has(i) || !isComparison(s, i)) return;
    const next = s.tokens[i + 1];
    if (ANALYTIC_COMPARATIVES.has(t.normal) && next && next.clause === t.clause && COMPARED_POS.has(next.pos) && next.role !== "function") {
      const nextDirs = directionsOf(next);
      if (nextDirs.length > 0) {
        // "more quickly" = "faster"; "less quickly" = "slower".
        const flip = t.normal === "less" || t.normal === "least" || t.normal === "fewer";
        for (const [dimension, direction] of nextDirs) items.push({ dimension, direction: flip ? (direction === "up" ? "down" : "up") : direction, keys: [] });
        consumed.add(i + 1);
        return;
      }
      // A hyphenated word is compared whole: "more sun-sensitive" is about "sensitive" as much as "sun".
      const keys = [...next.forms];
      for (let j = i + 1; s.tokens[j + 1]; ) {
        if (s.tokens[j]!.joined) j += 1;
        else if (s.tokens[j + 1]!.normal === "-" && s.tokens[j + 2]) j += 2;
        else break;
        keys.push(...s.tokens[j]!.forms);
      }
      for (const [dimension, direction] of dirs) items.push({ dimension, direction, keys });
      return;
    }
    // "longer", "higher": bound to their adjective unless it is itself a direction word ("faster" → "fast").
    const base = t.forms.filter((f) => f !== t.normal && !DIRECTION_WORDS.has(f));
    const inflected = t.pos === "ADJ" || t.pos === "ADV" ? base.filter((f) => t.normal.startsWith(f.slice(0, Math.max(2, f.length - 1)))) : [];
    const keys = inflected.length > 0 && !t.forms.some((f) => f !== t.normal && DIRECTION_WORDS.has(f)) ? [...inflected, ...(next?.pos === "NOUN" ? next.forms : [])] : [];
    for (const [dimension, direction] of dirs) items.push({ dimension, direction, keys });
  });
  return items;
}

/** The one direction a verb's WordNet synonyms share ("cut" → "reduce": amount down), or null when none or several. */
function impliedDirection(t: ClaimToken, th: Thesaurus): [string, string] | null {
  if (t.pos !== "VERB" || t.role !== "content") return null;
  const found = new Set<string>();
  for (const f of t.forms) for (const e of th.equivalent(f)) for (const [dim, dir] of DIRECTION_WORDS.get(e) ?? []) found.add(`${dim}:${dir}`);
  if (found.size !== 1) return null;
  return [...found][0]!.split(":") as [string, string];
}

/**
 * Unsupported verbs that say a direction through their synonyms ("each month of delay cut the risk" for
 * "the risk dropped"): supported when the support set has a word of that dimension and direction, as a
 * direction word of the generated sentence would be.
 */
function directionVerbs(gen: AnalyzedSentence, supported: boolean[], source: readonly DirectionItem[], th: Thesaurus | null): number[] {
  if (!th) return [];
  return gen.tokens.flatMap((t, i) => {
    if (supported[i]) return [];
    const d = impliedDirection(t, th);
    return d && source.some((s) => s.dimension === d[0] && s.direction === d[1]) ? [i] : [];
  });
}

/** Every comparison of the generated sentence needs one of the same dimension and direction, about the same thing when it names one. */
/** `source`: the support set's comparisons (`directionItems` of each sentence). */
function directionSupported(gen: AnalyzedSentence, support: AnalyzedSentence[], source: readonly DirectionItem[], thesaurus: Thesaurus | null): boolean {
  const sameKey = (a: string[], b: string[]) => a.some((f) => b.includes(f) || (thesaurus !== null && b.some((g) => thesaurus.equivalent(f).has(g))));
  // An unbound source comparison ("enhance the effectiveness", "a decrease in pain") covers what its sentence names.
  const named = support.flatMap((s) => s.tokens.flatMap((t) => t.forms));
  return directionItems(gen).every((g) =>
    source.some((s) => s.dimension === g.dimension && s.direction === g.direction && (g.keys.length === 0 || sameKey(g.keys, s.keys.length > 0 ? s.keys : named))),
  );
}

/** Index of the word that orders two things ("than", "versus", "over" after "prefer"), or -1. */
function orderAnchor(s: AnalyzedSentence): number {
  return s.tokens.findIndex((t, i) => (ORDER_ANCHORS.has(t.normal) && (t.normal !== "over" || s.tokens.slice(0, i).some((u) => u.forms.includes("prefer") || u.forms.includes("favor")))) || equativeAs(s, i));
}

/** Equatives that are conjunctions, not comparisons ("as well as" = "and", "as soon as" = "when"). */
const FIXED_AS_PHRASES = new Set(["well", "soon", "far"]);

/**
 * The second "as" of an equative ("twice as frequent on the back as on the side", "as effective as"):
 * a first "as" before an adjective or adverb earlier in the clause. Like "than", it puts two things in order.
 */
function equativeAs(s: AnalyzedSentence, i: number): boolean {
  const t = s.tokens[i]!;
  if (t.normal !== "as") return false;
  for (let j = i - 2; j >= 0 && s.tokens[j]!.clause === t.clause; j--) {
    const head = s.tokens[j + 1]!;
    if (s.tokens[j]!.normal !== "as" || !["ADJ", "ADV"].includes(head.pos) && !["much", "many"].includes(head.normal)) continue;
    return !(FIXED_AS_PHRASES.has(head.normal) && j + 2 === i);
  }
  return false;
}

/** "IV is preferred over IM" is not "IM is preferred over IV": exact words keep their side of the anchor. */
function orderKept(gen: AnalyzedSentence, support: AnalyzedSentence[]): boolean {
  const ga = orderAnchor(gen);
  if (ga < 0) return true;
  // The two sides of a comparison are within its clause: "…thinner than shots, most people feel little" puts only "shots" after it.
  const side = (s: AnalyzedSentence, from: number, to: number, clause: number) =>
    new Set(s.tokens.slice(from, to).filter((t) => t.role === "content" && t.clause === clause).map((t) => t.lemma));
  const gc = gen.tokens[ga]!.clause;
  const genBefore = side(gen, 0, ga, gc);
  const genAfter = side(gen, ga + 1, gen.tokens.length, gc);
  for (const s of support) {
    const sa = orderAnchor(s);
    if (sa < 0) continue;
    const sc = s.tokens[sa]!.clause;
    const before = side(s, 0, sa, sc);
    const after = side(s, sa + 1, s.tokens.length, sc);
    const onlyBefore = (w: string) => before.has(w) && !after.has(w);
    const onlyAfter = (w: string) => after.has(w) && !before.has(w);
    if ([...genAfter].some((w) => onlyBefore(w) && !genBefore.has(w)) || [...genBefore].some((w) => onlyAfter(w) && !genAfter.has(w))) return false;
  }
  return true;
}

// ------------------------------------------------------------------ verify

/**
 * Analyzes passage texts and their paraphrase sets ahead of time (at server
 * start), so a request pays only for the generated sentence.
 */
export function prepareEvidence(texts: string[], options: VerifyOptions = DEFAULT_VERIFY): void {
  const thesaurus = options.resources?.thesaurus ?? null;
  for (const text of texts) for (const s of splitSentences(text)) viewOf([analyzeSentence(s, thesaurus)], thesaurus);
}

/** A noun of a title or heading; in title case the tagger reads a topic gerund ("Dry Needling") as a verb. */
const isTopicWord = (t: ClaimToken) => t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "VERB" && t.normal.endsWith("ing"));

/** Content nouns, initials and acronyms of the title and headings above the cited passage. */
function topicOf(context: string[], thesaurus: Thesaurus | null): Topic {
  if (context.length === 0) return NO_TOPIC;
  const nouns = new Set<string>();
  const initialisms = new Set<string>();
  const acronyms = new Set<string>();
  for (const text of context) {
    const s = analyzeSentence(text, thesaurus);
    for (const t of s.tokens) if (t.role === "content" && isTopicWord(t)) for (const f of t.forms) nouns.add(f);
    for (const x of initialismsOf(s)) initialisms.add(x);
    for (const x of acronymsOf(s)) acronyms.add(x);
  }
  return { nouns, initialisms, acronyms };
}

function subset<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Checks one generated sentence against the texts of the passages it cites
 * (citations to passages that were not retrieved must be removed by the
 * caller first). Returns the first failing rule, never the text.
 */
export function verifySentence(sentence: string, citedPassageTexts: string[], options: VerifyOptions = DEFAULT_VERIFY, context: string[] = []): VerifyResult {
  const none = { support: 0, supportSentences: [] as string[], unsupported: [] as string[] };
  if (citedPassageTexts.length === 0) return { ok: false, reason: "no_citation", ...none };
  const thesaurus = options.resources?.thesaurus ?? null;
  const gen = analyzeSentence(sentence, thesaurus);
  const genFacts = extractFacts(sentence);
  const contentCount = gen.tokens.filter((t) => t.role === "content").length;
  if (contentCount === 0 && factKeys(genFacts).length === 0) return { ok: false, reason: "no_content", ...none };

  const candidates = citedPassageTexts.flatMap((t) => splitSentences(t)).map((s) => analyzeSentence(s, thesaurus));
  const topic = topicOf(context, thesaurus);
  const support = chooseSupport(gen, genFacts, candidates, options, topic);
  const view = viewOf(support, thesaurus, topic);
  const supported = supportedContent(gen, view, options.resources);
  for (const i of generalVerbStandIn(gen, supported, support, thesaurus)) supported[i] = true;
  const sourceDirections = support.flatMap(directionItems);
  for (const i of directionVerbs(gen, supported, sourceDirections, thesaurus)) supported[i] = true;
  const share = contentCount === 0 ? 1 : gen.tokens.filter((t, i) => t.role === "content" && supported[i]).length / contentCount;
  const unsupported = gen.tokens.filter((_, i) => !supported[i]).map((t) => t.normal);
  const result = (reason: VerifyReason): VerifyResult => ({ ok: reason === "ok", reason, support: share, supportSentences: support.map((s) => s.text), unsupported });

  const source = extractFacts(view.text);
  if (!subset(genFacts.numbers, source.numbers)) return result("number_not_in_passage");
  if (!subset(genFacts.quantities, source.quantities)) return result("quantity_not_in_passage");
  if (!subset(genFacts.frequencies, source.frequencies)) return result("frequency_not_in_passage");
  // "daily" names the day as much as "every day" does.
  const sourceUnits = new Set([...source.units, ...[...source.frequencies].flatMap((f) => (f.startsWith("per:") ? [f.slice(4).replace(/^2/, "")] : []))]);
  if (!subset(genFacts.units, sourceUnits)) return result("quantity_not_in_passage");
  const absolute = (t: ClaimToken) => ABSOLUTE_WORDS.has(t.normal) || ABSOLUTE_WORDS.has(t.lemma);
  if (gen.tokens.some((t) => absolute(t) && !hasWord(support, t))) return result("absolute_not_in_passage");
  if (supported.some((ok) => !ok)) return result("unsupported_word");
  if (!quantifiersSupported(gen, support, thesaurus)) return result("quantifier_stronger");

  if (gen.tokens.some((t) => t.role === "hardener" && !hasWord(support, t))) return result("hardener_not_in_passage");
  const existential = gen.tokens.some((t) => EXISTENTIAL_HEDGES.has(t.normal));
  // A comparative hedge ("more likely to report") may be said as any comparison of how often ("more often report").
  const comparativeHedge = (t: ClaimToken) => isHedge(t) && t.comparative === true;
  if (!existential && !scopeKept(gen, support, (t) => isHedge(t) && !comparativeHedge(t), thesaurus, isHedge)) return result("hedge_dropped");
  if (!existential && !scopeKept(gen, support, comparativeHedge, thesaurus, (t) => isHedge(t) || t.comparative === true)) return result("hedge_dropped");
  if (!scopeKept(gen, support, isRestrictor, thesaurus, keepsNarrow, isQuantified)) return result("quantifier_dropped");
  if (!populationKept(gen, support, thesaurus)) return result("group_widened");
  if (gen.tokens.some((t) => t.role === "deontic") && !support.some((s) => s.tokens.some((t) => t.role === "deontic" || t.role === "hardener" && ["must"].includes(t.normal)))) {
    return result("obligation_not_in_passage");
  }

  const causal = (t: ClaimToken) => t.role === "causal" || CAUSAL_LINKS.has(t.normal);
  if (gen.tokens.some((t) => t.role === "causal") && !support.some((s) => s.tokens.some(causal))) return result("cause_not_in_passage");

  if (!negationSupported(gen, support, thesaurus) || !scopeKept(gen, support, isNegator, thesaurus)) return result("negation_mismatch");
  if (!directionSupported(gen, support, sourceDirections, thesaurus)) return result("direction_mismatch");
  if (!orderKept(gen, support)) return result("order_swapped");
  return result("ok");
}
