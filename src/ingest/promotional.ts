/**
 * Tags call-to-action and publisher-voice sentences. Tagged text is kept in the
 * chunk store (so staff can see what was excluded) but never becomes evidence.
 */
import { z } from "zod";
import { DataFileError, readDataFile, restoreDefaultFix } from "../clinic-files.js";
import { CorpusError } from "./load-articles.js";

const PromoFileSchema = z
  .object({
    patterns: z
      .array(
        z
          .object({
            pattern: z.string().min(1),
            flags: z.string().regex(/^[imsu]*$/, "flags may contain only i, m, s, u").default("i"),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type PromoPatternSpec = z.infer<typeof PromoFileSchema>["patterns"][number];

/** Why a sentence was tagged: one of the file's patterns, or a publisher's name. */
export type PromoMatch =
  | { kind: "pattern"; index: number; pattern: string; flags: string }
  | { kind: "publisher"; marker: string };

export interface PromoMatcher {
  isPromotional(sentence: string): boolean;
  /** The first rule that tags the sentence (patterns in file order, then publisher names), or null. */
  match(sentence: string): PromoMatch | null;
  /** Serializable form, hashed into the index manifest. */
  specs: PromoPatternSpec[];
}

const GENERIC_BRAND_WORDS = new Set([
  "ketamine", "infusion", "infusions", "therapy", "therapies", "health", "clinic", "center", "centre", "medical",
  "wellness", "and", "the", "of", "unnamed", "pain", "institute", "care", "treatment", "group",
]);

/** Distinctive words of publisher names ("Kadelyx Health" → "Kadelyx"), matched case-sensitively. */
export function publisherMarkers(publishers: string[]): string[] {
  const markers = new Set<string>();
  for (const name of publishers) {
    const words = name.match(/[\p{L}\p{N}&]+/gu) ?? [];
    const distinctive = words.filter((w) => /^\p{Lu}/u.test(w) && !GENERIC_BRAND_WORDS.has(w.toLowerCase()));
    const first = distinctive[0];
    if (first) {
      markers.add(first);
      markers.add(first.toUpperCase()); // "RENEW" in shouted copy
    }
    markers.add(name);
  }
  return [...markers];
}

export function createPromoMatcher(specs: PromoPatternSpec[], publishers: string[] = []): PromoMatcher {
  const regexes = specs.map((s) => new RegExp(s.pattern, s.flags));
  const markers = publisherMarkers(publishers);
  const brands = markers.map(
    (m) => new RegExp(`(^|[^\\p{L}\\p{N}])${m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}\\p{N}])`, "u"),
  );
  // One rule set for both questions, so "which rule" can never disagree with "is it tagged".
  const match = (sentence: string): PromoMatch | null => {
    const i = regexes.findIndex((r) => r.test(sentence));
    if (i >= 0) return { kind: "pattern", index: i, pattern: specs[i]!.pattern, flags: specs[i]!.flags };
    const b = brands.findIndex((r) => r.test(sentence));
    return b >= 0 ? { kind: "publisher", marker: markers[b]! } : null;
  };
  return { specs, match, isPromotional: (sentence) => match(sentence) !== null };
}

/**
 * Reads and validates the promotional pattern files (the defaults' first,
 * then the clinic's): patterns are appended. Only the first file is required.
 */
export async function loadPromoPatterns(files: string | readonly string[]): Promise<PromoPatternSpec[]> {
  const list = typeof files === "string" ? [files] : files;
  return list.flatMap((file, i) => readPromoFile(file, i === 0 ? restoreDefaultFix(file) : "create it, or remove it: a clinic's own promotional.yaml is optional."));
}

function readPromoFile(file: string, fix: string): PromoPatternSpec[] {
  const raw = readDataFile(file, "promotional patterns", fix);
  if (raw === null || raw === undefined) throw new DataFileError(`${file} is empty. Fix: give it a 'patterns:' list, or delete it.`);
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
  return parsed.data.patterns;
}
