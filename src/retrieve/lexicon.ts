/**
 * Lay-term expansion: patients' words → the articles' words. Data lives in
 * the defaults' `lexicon.yaml` (generic lay medical words) and the clinic's
 * own `lexicon.yaml` (its treatments and drug names), so staff extend it
 * without touching code.
 */
import { z } from "zod";
import { DataFileError, readDataFile, restoreDefaultFix } from "../clinic-files.js";
import { ConfigError } from "../config.js";
import { wordTokens } from "../answer/text.js";
import { contentTerms } from "./terms.js";

const LexiconFileSchema = z
  .object({
    entries: z.array(
      z
        .object({
          patient: z.array(z.string().trim().min(1)).min(1),
          articles: z.array(z.string().trim().min(1)).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export interface Lexicon {
  /** Each entry's patient phrases as token sequences, and the article terms (stems) they add. */
  entries: Array<{ phrases: string[][]; articleTerms: string[]; articlePhrases: string[][] }>;
}

type LexiconFile = z.infer<typeof LexiconFileSchema>;

function validateLexicon(raw: unknown, source: string): LexiconFile {
  const parsed = LexiconFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `field '${i.path.join(".") || "(root)"}': ${i.message}`).join("; ");
    throw new ConfigError(`${source}: ${issues}. Fix: every entry needs 'patient' and 'articles' lists (see the comments in the defaults' lexicon.yaml).`);
  }
  return parsed.data;
}

export function compileLexicon(raw: unknown, source = "lexicon"): Lexicon {
  return {
    entries: validateLexicon(raw, source).entries.map((e) => ({
      phrases: e.patient.map((p) => p.replace(/-/g, " ").split(/\s+/).flatMap((w) => (w === "*" ? ["*"] : wordTokens(w)))).filter((t) => t.length > 0),
      articleTerms: [...new Set(e.articles.flatMap((a) => contentTerms(a)))],
      // Each article phrase on its own (stems), for the verifier: a patient phrase stands for one of them.
      articlePhrases: e.articles.map((a) => contentTerms(a.replace(/-/g, " "))).filter((p) => p.length > 0),
    })),
  };
}

/**
 * Reads and validates the lexicon files (the defaults' first, then the
 * clinic's) into one lexicon file: entries are appended. Only the first file
 * is required; the edge index bundles the result.
 */
export function readLexiconFiles(files: readonly string[]): LexiconFile {
  const entries: LexiconFile["entries"] = [];
  files.forEach((file, i) => {
    const fix = i === 0 ? restoreDefaultFix(file) : "create it, or remove it: a clinic's own lexicon is optional.";
    const raw = readDataFile(file, "lay-term lexicon", fix);
    if (raw === null || raw === undefined) throw new DataFileError(`${file} is empty. Fix: give it an 'entries:' list, or delete it.`);
    entries.push(...validateLexicon(raw, file).entries);
  });
  return { entries };
}

export async function loadLexicon(files: string | readonly string[]): Promise<Lexicon> {
  const list = typeof files === "string" ? [files] : files;
  return compileLexicon(readLexiconFiles(list), list.join(" + "));
}

/** Whole-word phrase match; `*` in a phrase stands for one to three words ("how does * work"). */
function containsPhrase(tokens: string[], phrase: string[]): boolean {
  const matchAt = (ti: number, pi: number): boolean => {
    if (pi === phrase.length) return true;
    if (phrase[pi] === "*") {
      for (let skip = 1; skip <= 3 && ti + skip <= tokens.length; skip++) if (matchAt(ti + skip, pi + 1)) return true;
      return false;
    }
    return ti < tokens.length && tokens[ti] === phrase[pi] && matchAt(ti + 1, pi + 1);
  };
  for (let i = 0; i < tokens.length; i++) if (matchAt(i, 0)) return true;
  return false;
}

export interface Expansion {
  /** Stems of the patient's phrase that triggered the entry ("throw up" → ["throw"]). */
  triggers: string[];
  /** Article-term stems it adds. */
  terms: string[];
  /** The same, one stem list per article phrase, then the entry's other patient phrases: a translation counts only when a whole phrase is present. */
  phrases: string[][];
}

/** Every lexicon entry the question triggers. */
export function matchLexicon(question: string, lexicon: Lexicon): Expansion[] {
  const tokens = wordTokens(question.replace(/-/g, " ").replace(/'/g, ""));
  const out: Expansion[] = [];
  for (const entry of lexicon.entries) {
    const hits = entry.phrases.filter((p) => containsPhrase(tokens, p));
    if (hits.length > 0) {
      const triggers = [...new Set(hits.flatMap((h) => contentTerms(h.filter((w) => w !== "*").join(" "))))];
      // The entry's other patient words are synonyms too: an article may use one of them ("visit" for "appointment").
      const synonyms = entry.phrases.filter((p) => !p.includes("*") && !hits.includes(p)).map((p) => contentTerms(p.join(" "))).filter((p) => p.length > 0);
      out.push({ triggers, terms: entry.articleTerms, phrases: [...entry.articlePhrases, ...synonyms] });
    }
  }
  return out;
}

/** Article-term stems the question's lay phrases map to, minus terms the question already has. */
export function expandQuery(question: string, lexicon: Lexicon, matched: readonly Expansion[] = matchLexicon(question, lexicon)): string[] {
  const own = new Set(contentTerms(question));
  return [...new Set(matched.flatMap((e) => e.terms))].filter((t) => !own.has(t));
}
