/**
 * Tags sentences that sell rather than inform: calls to action, the publisher's
 * offers of help, blog framing, testimonials. Tagged text is kept in the chunk
 * store (so staff can see what was excluded) but never becomes evidence.
 *
 * Two kinds of rule, both data in promotional.yaml: whole-sentence patterns
 * (framing, "free consultation", contact details), and word lists that drive
 * a classifier of what the sentence does (sentence-function.ts). Naming the
 * clinic never tags a sentence by itself.
 */
import { z } from "zod";
import { DataFileError, readDataFile, restoreDefaultFix } from "../clinic-files.js";
import { CorpusError } from "./load-articles.js";
import { classifySentence, compileLexicon, publisherAsWe, type FunctionLexicon, type FunctionVerdict } from "./sentence-function.js";
import { tagTokens } from "./tag-tokens.js";

/** Bump when the classifier's code changes what it tags: indexes built before then rebuild. */
export const PROMO_CLASSIFIER_VERSION = 1;

const PatternSchema = z
  .object({
    pattern: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/, "flags may contain only i, m, s, u").default("i"),
  })
  .strict();
const WordList = z.array(z.string().trim().min(1)).default([]);
const PromoFileSchema = z
  .object({
    patterns: z.array(PatternSchema).default([]),
    imperatives: z.object({ book: WordList, contact: WordList, leadIns: WordList }).strict().default({ book: [], contact: [], leadIns: [] }),
    bookingWords: WordList,
    conditionWords: WordList,
    readinessWords: WordList,
    offers: z.object({ commitmentWords: WordList, helpVerbs: WordList }).strict().default({ commitmentWords: [], helpVerbs: [] }),
  })
  .strict();
export type PromoPatternSpec = z.infer<typeof PatternSchema>;
/** The whole of promotional.yaml, validated. Serializable: hashed into the index manifest. */
export type PromoRules = z.infer<typeof PromoFileSchema>;

/** Why a sentence was tagged: one of the file's patterns, or what the sentence does. */
export type PromoMatch =
  | { kind: "pattern"; index: number; pattern: string; flags: string }
  | ({ kind: "function" } & FunctionVerdict);

export interface PromoMatcher {
  isPromotional(sentence: string): boolean;
  /** The first rule that tags the sentence (patterns in file order, then the sentence's function), or null. */
  match(sentence: string): PromoMatch | null;
  /** Serializable form, hashed into the index manifest. */
  specs: PromoRules;
}

function lexiconOf(rules: PromoRules): FunctionLexicon {
  return {
    bookVerbs: rules.imperatives.book,
    contactVerbs: rules.imperatives.contact,
    leadIns: rules.imperatives.leadIns,
    bookingWords: rules.bookingWords,
    conditionWords: rules.conditionWords,
    readinessWords: rules.readinessWords,
    commitmentWords: rules.offers.commitmentWords,
    helpVerbs: rules.offers.helpVerbs,
  };
}

/** Rules from a parsed file, or (for tests and older callers) a bare list of patterns. */
export function promoRules(input: PromoRules | PromoPatternSpec[]): PromoRules {
  return PromoFileSchema.parse(Array.isArray(input) ? { patterns: input } : input);
}

/**
 * @param publishers the articles' publisher names: used only as exact, multi-word,
 *   case-sensitive names standing for the publisher's "we" ("Call <clinic name> today").
 */
export function createPromoMatcher(input: PromoRules | PromoPatternSpec[], publishers: readonly string[] = []): PromoMatcher {
  const specs = promoRules(input);
  const regexes = specs.patterns.map((s) => new RegExp(s.pattern, s.flags));
  const lexicon = compileLexicon(lexiconOf(specs), tagTokens);
  const names = [...new Set(publishers)];
  // One rule set for both questions, so "which rule" can never disagree with "is it tagged".
  const match = (sentence: string): PromoMatch | null => {
    const i = regexes.findIndex((r) => r.test(sentence));
    if (i >= 0) return { kind: "pattern", index: i, pattern: specs.patterns[i]!.pattern, flags: specs.patterns[i]!.flags };
    const verdict = classifySentence(tagTokens(publisherAsWe(sentence, names)), lexicon);
    return verdict ? { kind: "function", ...verdict } : null;
  };
  return { specs, match, isPromotional: (sentence) => match(sentence) !== null };
}

/**
 * Reads and validates the promotional files (the defaults' first, then the
 * clinic's): patterns are appended and word lists joined. Only the first file
 * is required.
 */
export async function loadPromoPatterns(files: string | readonly string[]): Promise<PromoRules> {
  const list = typeof files === "string" ? [files] : files;
  const all = list.map((file, i) => readPromoFile(file, i === 0 ? restoreDefaultFix(file) : "create it, or remove it: a clinic's own promotional.yaml is optional."));
  const join = (pick: (r: PromoRules) => string[]) => [...new Set(all.flatMap(pick))];
  return {
    patterns: all.flatMap((r) => r.patterns),
    imperatives: { book: join((r) => r.imperatives.book), contact: join((r) => r.imperatives.contact), leadIns: join((r) => r.imperatives.leadIns) },
    bookingWords: join((r) => r.bookingWords),
    conditionWords: join((r) => r.conditionWords),
    readinessWords: join((r) => r.readinessWords),
    offers: { commitmentWords: join((r) => r.offers.commitmentWords), helpVerbs: join((r) => r.offers.helpVerbs) },
  };
}

function readPromoFile(file: string, fix: string): PromoRules {
  const raw = readDataFile(file, "promotional patterns", fix);
  if (raw === null || raw === undefined) throw new DataFileError(`${file} is empty. Fix: give it a 'patterns:' list or word lists, or delete it.`);
  const parsed = PromoFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CorpusError(parsed.error.issues.map((i) => `${file}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
  }
  for (const [i, spec] of parsed.data.patterns.entries()) {
    try {
      new RegExp(spec.pattern, spec.flags);
    } catch (err) {
      throw new CorpusError(`${file}: field 'patterns.${i}.pattern': invalid regular expression: ${(err as Error).message}`);
    }
  }
  const r = parsed.data;
  const lists = [r.imperatives.book, r.imperatives.contact, r.imperatives.leadIns, r.bookingWords, r.conditionWords, r.readinessWords, r.offers.commitmentWords, r.offers.helpVerbs];
  if (r.patterns.length === 0 && lists.every((l) => l.length === 0)) {
    throw new CorpusError(`${file}: no patterns and no word lists: nothing would ever be tagged promotional.`);
  }
  return r;
}
