/**
 * Tags call-to-action and publisher-voice sentences. Tagged text is kept in the
 * chunk store (so staff can see what was excluded) but never becomes evidence.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
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

export interface PromoMatcher {
  isPromotional(sentence: string): boolean;
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
  const brands = publisherMarkers(publishers).map(
    (m) => new RegExp(`(^|[^\\p{L}\\p{N}])${m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}\\p{N}])`, "u"),
  );
  return {
    specs,
    isPromotional: (sentence) => regexes.some((r) => r.test(sentence)) || brands.some((r) => r.test(sentence)),
  };
}

export async function loadPromoPatterns(file: string): Promise<PromoPatternSpec[]> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (err) {
    throw new CorpusError(`Cannot read promotional patterns ${file}: ${(err as Error).message}`);
  }
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
