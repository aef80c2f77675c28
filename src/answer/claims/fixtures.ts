/**
 * The red-team fixture format for the claim verifier (one JSON object a line:
 * id, label faithful|mutation, kind, sources [{articleId, sentence}],
 * generated, note) and its scoring: a faithful sentence should be accepted,
 * a mutation rejected, each checked against the sentences it cites.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { verifySentence, type VerifyOptions, type VerifyReason } from "../verify.js";

export const VerifierFixtureSchema = z.object({
  id: z.string().min(1),
  label: z.enum(["faithful", "mutation"]),
  kind: z.string().min(1),
  sources: z.array(z.object({ articleId: z.string().min(1), sentence: z.string().min(1) })).min(1),
  generated: z.string().min(1),
  note: z.string().optional(),
});
export type VerifierFixture = z.infer<typeof VerifierFixtureSchema>;

export async function loadVerifierFixtures(file: string): Promise<VerifierFixture[]> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  return lines.map((line, i) => {
    const parsed = VerifierFixtureSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return parsed.data;
  });
}

export interface FixtureResult {
  id: string;
  label: VerifierFixture["label"];
  kind: string;
  accepted: boolean;
  correct: boolean;
  reason: VerifyReason;
  unsupported: string[];
  generated: string;
  sources: string[];
}

export interface KindScore {
  kind: string;
  label: VerifierFixture["label"];
  total: number;
  accepted: number;
}

export interface FixtureScore {
  results: FixtureResult[];
  byKind: KindScore[];
  /** Share of mutations rejected. */
  mutationsRejected: number;
  /** Share of faithful sentences accepted. */
  faithfulAccepted: number;
}

/**
 * `titles` maps article ids to titles: the title names what a cited sentence
 * is about, as the headings do for a cited passage in the product.
 */
export function scoreFixtures(fixtures: VerifierFixture[], options: VerifyOptions, titles: ReadonlyMap<string, string> = new Map()): FixtureScore {
  const results = fixtures.map((f): FixtureResult => {
    // The cited unit here is the sentence: each is its own passage.
    const context = [...new Set(f.sources.map((s) => titles.get(s.articleId) ?? ""))].filter(Boolean);
    const verdict = verifySentence(f.generated, f.sources.map((s) => s.sentence), options, context);
    const accepted = verdict.ok;
    return { id: f.id, label: f.label, kind: f.kind, accepted, correct: accepted === (f.label === "faithful"), reason: verdict.reason, unsupported: verdict.unsupported, generated: f.generated, sources: f.sources.map((s) => s.sentence) };
  });
  const kinds = new Map<string, KindScore>();
  for (const r of results) {
    const key = `${r.label}/${r.kind}`;
    const k = kinds.get(key) ?? { kind: r.kind, label: r.label, total: 0, accepted: 0 };
    k.total++;
    if (r.accepted) k.accepted++;
    kinds.set(key, k);
  }
  const share = (label: VerifierFixture["label"], want: boolean) => {
    const of = results.filter((r) => r.label === label);
    return of.length === 0 ? 1 : of.filter((r) => r.accepted === want).length / of.length;
  };
  return {
    results,
    byKind: [...kinds.values()].sort((a, b) => a.label.localeCompare(b.label) || a.kind.localeCompare(b.kind)),
    mutationsRejected: share("mutation", false),
    faithfulAccepted: share("faithful", true),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatReport(name: string, score: FixtureScore): string {
  const lines = [`${name}: mutations rejected ${pct(score.mutationsRejected)}, faithful accepted ${pct(score.faithfulAccepted)}`];
  for (const k of score.byKind) {
    lines.push(`  ${k.label.padEnd(9)} ${k.kind.padEnd(22)} ${String(k.total).padStart(3)}  accepted ${String(k.accepted).padStart(3)}  rejected ${String(k.total - k.accepted).padStart(3)}`);
  }
  return lines.join("\n");
}
