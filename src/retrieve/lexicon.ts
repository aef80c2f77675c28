/**
 * Lay-term expansion: patients' words → the articles' words. Data lives in
 * `corpus/lexicon.yaml` so staff can extend it without touching code.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
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

export function compileLexicon(raw: unknown, source = "lexicon"): Lexicon {
  const parsed = LexiconFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${source}: field '${i.path.join(".")}': ${i.message}`).join("\n"));
  }
  return {
    entries: parsed.data.entries.map((e) => ({
      phrases: e.patient.map((p) => p.replace(/-/g, " ").split(/\s+/).flatMap((w) => (w === "*" ? ["*"] : wordTokens(w)))).filter((t) => t.length > 0),
      articleTerms: [...new Set(e.articles.flatMap((a) => contentTerms(a)))],
      // Kept whole: "complex regional pain syndrome" is evidence only when all of it is there.
      articlePhrases: e.articles.map((a) => contentTerms(a)).filter((p) => p.length > 0),
    })),
  };
}

export async function loadLexicon(file: string): Promise<Lexicon> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read lexicon ${file}: ${(err as Error).message}`);
  }
  return compileLexicon(raw, file);
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
  /** The same, one stem list per article phrase: a translation counts only when a whole phrase is present. */
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
      out.push({ triggers, terms: entry.articleTerms, phrases: entry.articlePhrases });
    }
  }
  return out;
}

/** Article-term stems the question's lay phrases map to, minus terms the question already has. */
export function expandQuery(question: string, lexicon: Lexicon): string[] {
  const own = new Set(contentTerms(question));
  return [...new Set(matchLexicon(question, lexicon).flatMap((e) => e.terms))].filter((t) => !own.has(t));
}
