/**
 * Eval suite files: YAML (`.yaml`/`.yml`, a suite object) or JSON Lines
 * (`.jsonl`, one case per line). Validated with zod; every problem names the
 * file, the case and the field, because staff write these by hand.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ReplyTypeSchema, TurnSchema } from "../contract.js";

export class SuiteError extends Error {
  override name = "SuiteError";
}

/** A phrase list may be written as one string: `forbid: dose` means `forbid: [dose]`. */
const phraseList = z.union([z.string().min(1).transform((s) => [s]), z.array(z.string().min(1))]);

/** `facts: [[hour, minutes], session]`: each entry is a group; a plain string is a group of one. */
const factGroups = z.array(z.union([z.string().min(1).transform((s) => [s]), z.array(z.string().min(1)).min(1, "a facts group needs at least one phrase")]));

export const ExpectSchema = z
  .object({
    type: ReplyTypeSchema.optional(),
    /** Any-of: an article id or an exact article title. */
    sources: phraseList.optional(),
    /** Every group must match: one of its phrases appears in the reply text (case-insensitive). */
    facts: factGroups.optional(),
    /** None of these phrases may appear in the reply text (case-insensitive). */
    forbid: phraseList.optional(),
    /** What a correct reply says, in words, for human graders (not checked automatically). */
    answers: z.string().optional(),
  })
  // Strict: a typo such as `fact:` would otherwise silently turn a check off.
  .strict();
export type Expectation = z.infer<typeof ExpectSchema>;

export const CaseSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number().transform(String)]),
  question: z.string().trim().min(1, "question must not be empty"),
  history: z.array(TurnSchema).optional(),
  expect: ExpectSchema.default({}),
});
export type EvalCase = z.infer<typeof CaseSchema>;

/** Metrics a suite may gate on. Rates are 0–1 (higher is better); latency is an upper bound in ms. */
export const ThresholdsSchema = z
  .object({
    pass_rate: z.number().min(0).max(1),
    type_accuracy: z.number().min(0).max(1),
    sources_hit: z.number().min(0).max(1),
    facts: z.number().min(0).max(1),
    groundedness: z.number().min(0).max(1),
    citation_validity: z.number().min(0).max(1),
    disclaimer: z.number().min(0).max(1),
    emergency_recall: z.number().min(0).max(1),
    hit_at_1: z.number().min(0).max(1),
    hit_at_3: z.number().min(0).max(1),
    mrr: z.number().min(0).max(1),
    latency_p95_ms: z.number().positive(),
  })
  .partial()
  .strict();
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type ThresholdMetric = keyof Thresholds;

const SuiteFileSchema = z.looseObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  thresholds: ThresholdsSchema.optional(),
  cases: z.array(z.unknown()).min(1, "a suite needs at least one case"),
});

export interface Suite {
  name: string;
  file: string;
  description: string | null;
  thresholds: Thresholds;
  cases: EvalCase[];
}

function describeIssues(error: z.ZodError, where: string): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "(case)";
    const message = issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}` : issue.message;
    return `${where}, field '${field}': ${message}`;
  });
}

function caseLabel(raw: unknown, position: string): string {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? `case '${id}' (${position})` : `case at ${position}`;
}

function parseCases(rawCases: Array<{ raw: unknown; position: string }>, file: string): EvalCase[] {
  const problems: string[] = [];
  const cases: EvalCase[] = [];
  const seen = new Map<string, string>();
  for (const { raw, position } of rawCases) {
    const parsed = CaseSchema.safeParse(raw);
    const label = caseLabel(raw, position);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error, `${file}: ${label}`));
      continue;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier) problems.push(`${file}: ${label}, field 'id': duplicate id (also used at ${earlier})`);
    seen.set(parsed.data.id, position);
    cases.push(parsed.data);
  }
  if (problems.length > 0) throw new SuiteError(problems.join("\n"));
  return cases;
}

/** Parses suite text. Pure: `file` names the source in messages and picks the format. */
export function parseSuite(text: string, file: string): Suite {
  const ext = path.extname(file).toLowerCase();
  const stem = path.basename(file, ext);
  if (ext === ".jsonl") {
    const rawCases: Array<{ raw: unknown; position: string }> = [];
    const problems: string[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rawCases.push({ raw: JSON.parse(line), position: `line ${i + 1}` });
      } catch (err) {
        problems.push(`${file}: line ${i + 1}: not valid JSON (${(err as Error).message})`);
      }
    });
    if (problems.length > 0) throw new SuiteError(problems.join("\n"));
    if (rawCases.length === 0) throw new SuiteError(`${file}: the suite has no cases`);
    return { name: stem, file, description: null, thresholds: {}, cases: parseCases(rawCases, file) };
  }
  if (ext !== ".yaml" && ext !== ".yml") throw new SuiteError(`${file}: unsupported suite format '${ext || "(none)"}' (use .yaml, .yml or .jsonl)`);

  let data: unknown;
  try {
    data = parseYaml(text, { schema: "core" });
  } catch (err) {
    throw new SuiteError(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = SuiteFileSchema.safeParse(data ?? {});
  if (!parsed.success) throw new SuiteError(describeIssues(parsed.error, file).join("\n"));
  const rawCases = parsed.data.cases.map((raw, i) => ({ raw, position: `cases[${i}]` }));
  return {
    name: parsed.data.name ?? stem,
    file,
    description: parsed.data.description ?? null,
    thresholds: parsed.data.thresholds ?? {},
    cases: parseCases(rawCases, file),
  };
}

export async function loadSuite(file: string): Promise<Suite> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new SuiteError(`${file}: cannot read the suite (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseSuite(text, file);
}

export const SUITE_EXTENSIONS = [".yaml", ".yml", ".jsonl"];
