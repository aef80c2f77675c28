/**
 * Judged usefulness: a reader who has not seen the engine grades each reply
 * against the case's `expect.answers` (1 helpful / 0.5 partly / 0 not), and
 * marks replies that quote sentences which do not answer the question.
 *
 * Grades live in a file next to the suite (`<suite>.grades.yaml`) so the
 * figure can be re-checked. Each grade names the digest of the reply it
 * judged: when the engine's reply changes, the old grade no longer applies
 * and the case counts as ungraded until someone grades the new reply.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import type { ChatReply } from "../contract.js";
import type { CaseRun } from "./run.js";
import { SuiteError } from "./suite.js";

export const GRADE_VALUES = [0, 0.5, 1] as const;
export type Grade = (typeof GRADE_VALUES)[number];

const GradeEntrySchema = z
  .object({
    id: z.union([z.string().min(1), z.number().transform(String)]),
    /** `replyDigest` of the reply that was graded. */
    reply: z.string().regex(/^[0-9a-f]{12}$/, "must be the 12-character reply digest the grade sheet gives"),
    /** null: not graded yet. */
    grade: z
      .union([z.literal(0), z.literal(0.5), z.literal(1)], { error: "grade must be 1, 0.5 or 0 (or empty while ungraded)" })
      .nullable()
      .default(null),
    /** The reply quotes at least one sentence that does not answer the question. */
    offTarget: z.boolean().nullable().default(null),
    note: z.string().nullable().optional(),
    // Context for the grader and for anyone re-checking the figure; not read back.
    question: z.string().optional(),
    history: z.unknown().optional(),
    expected: z.string().nullable().optional(),
    expectedType: z.string().nullable().optional(),
    replyType: z.string().nullable().optional(),
    replyText: z.string().nullable().optional(),
    quotes: z.unknown().optional(),
  })
  .strict();
export type GradeEntry = z.infer<typeof GradeEntrySchema>;

const GradesFileSchema = z
  .object({
    suite: z.string().min(1),
    grader: z.string().nullable().optional(),
    gradedAt: z.string().nullable().optional(),
    instructions: z.string().optional(),
    grades: z.array(GradeEntrySchema),
  })
  .strict();
export type GradesFile = z.infer<typeof GradesFileSchema>;

/** Fingerprint of what a grader sees: type, text and quoted passages. */
export function replyDigest(reply: Pick<ChatReply, "type" | "text" | "citations">): string {
  const seen = [reply.type, reply.text, ...reply.citations.map((c) => `[${c.n}] ${c.articleId} ${c.quote}`)].join("\n");
  return createHash("sha256").update(seen).digest("hex").slice(0, 12);
}

/** `evals/x.yaml` → `evals/x.grades.yaml`. */
export function gradesFileFor(suiteFile: string): string {
  const ext = path.extname(suiteFile);
  return path.join(path.dirname(suiteFile), `${path.basename(suiteFile, ext)}.grades.yaml`);
}

/** Parses a grades file; every problem names the file and the entry. */
export function parseGrades(text: string, file: string): GradesFile {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new SuiteError(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = GradesFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${file}: field '${i.path.join(".") || "(root)"}': ${i.message}`);
    throw new SuiteError(problems.join("\n"));
  }
  const seen = new Set<string>();
  for (const g of parsed.data.grades) {
    if (seen.has(g.id)) throw new SuiteError(`${file}: case '${g.id}' is graded twice`);
    seen.add(g.id);
  }
  return parsed.data;
}

/** The grades next to a suite, or null when it has none. */
export async function loadGradesFor(suiteFile: string): Promise<GradesFile | null> {
  const file = gradesFileFor(suiteFile);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new SuiteError(`${file}: cannot read the grades (${(err as Error).message})`);
  }
  return parseGrades(text, file);
}

/** How a run was judged: a current grade, or why there is none. */
export type Judgement =
  | { status: "graded"; grade: Grade; offTarget: boolean }
  /** Graded once, but the reply has changed since. */
  | { status: "stale" }
  | { status: "ungraded" };

export function judge(run: Pick<CaseRun, "id" | "reply">, grades: GradesFile | null): Judgement {
  const entry = grades?.grades.find((g) => g.id === run.id);
  if (!entry || entry.grade === null || !run.reply) return { status: "ungraded" };
  if (entry.reply !== replyDigest(run.reply)) return { status: "stale" };
  return { status: "graded", grade: entry.grade, offTarget: entry.offTarget === true };
}

export const GRADING_INSTRUCTIONS = `For each case, read the question (and history), the statement of what a helpful reply must convey ('expected'), and the reply with its quoted passages. Do not run or read the assistant's code.
grade: 1 = a patient would call it helpful: it conveys what 'expected' says (for an uncovered question: it honestly says the information is not available); 0.5 = partly (one part of a two-part question, or the right fact buried among unrelated sentences); 0 = not helpful (wrong refusal, wrong or unrelated answer, an answer to a question the articles do not cover).
offTarget: true when the reply quotes at least one sentence that does not help answer the question; false otherwise (false for refusals).`;

/**
 * A grading sheet for a suite's runs: existing grades whose reply is
 * unchanged are kept; every other run gets an empty entry with the context a
 * grader needs. Writing the sheet over the grades file and filling it in is
 * how grades are made.
 */
export function gradeSheet(suiteName: string, runs: CaseRun[], previous: GradesFile | null): string {
  const grades = runs
    .filter((r) => r.repeat === 0)
    .map((run): GradeEntry => {
      const digest = run.reply ? replyDigest(run.reply) : "000000000000";
      const old = previous?.grades.find((g) => g.id === run.id && g.reply === digest);
      return {
        id: run.id,
        reply: digest,
        grade: old?.grade ?? null,
        offTarget: old?.offTarget ?? null,
        note: old?.note ?? null,
        question: run.question,
        ...(run.history.length > 0 ? { history: run.history } : {}),
        expected: run.expect.answers ?? null,
        expectedType: run.expect.type ?? null,
        replyType: run.reply?.type ?? null,
        replyText: run.reply?.text ?? null,
        quotes: run.reply?.citations.map((c) => `[${c.n}] ${c.title}${c.section ? ` — ${c.section}` : ""}: ${c.quote}`) ?? [],
      };
    });
  const file: GradesFile = {
    suite: suiteName,
    grader: previous?.grader ?? null,
    gradedAt: previous?.gradedAt ?? null,
    instructions: GRADING_INSTRUCTIONS,
    grades,
  };
  return stringifyYaml(file, { lineWidth: 0 });
}

export interface JudgedMetrics {
  /** Answer cases judged fully helpful, over answer cases with a current grade. */
  helpful: number | null;
  /** Graded answer cases (the denominator of `helpful`). */
  helpful_graded: number;
  /** Cases of the suite without a current grade (never graded, or reply changed). */
  ungraded: number;
  /** Graded answer replies that quote a sentence not answering the question. */
  off_target: number | null;
}

export function judgedMetrics(runs: Array<Pick<CaseRun, "expect" | "actualType"> & { judgement?: Judgement }>): JudgedMetrics {
  const answerable = runs.filter((r) => r.expect.type === "answer");
  const graded = answerable.filter((r) => r.judgement?.status === "graded");
  const answered = runs.filter((r) => r.actualType === "answer" && r.judgement?.status === "graded");
  const grade = (r: (typeof runs)[number]) => (r.judgement?.status === "graded" ? r.judgement : null);
  return {
    helpful: graded.length === 0 ? null : graded.filter((r) => grade(r)!.grade === 1).length / graded.length,
    helpful_graded: graded.length,
    ungraded: runs.filter((r) => r.judgement?.status !== "graded").length,
    off_target: answered.length === 0 ? null : answered.filter((r) => grade(r)!.offTarget).length / answered.length,
  };
}
