/**
 * The questions `npm run bench` sends: a text file (one per line, `#` lines
 * ignored) or an eval suite (.yaml/.yml/.jsonl), whose cases' questions and
 * histories are used. Problems are reported with the file named.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Turn } from "../contract.js";
import { MAX_MESSAGE_CHARS } from "../contract.js";
import { parseSuite, SUITE_EXTENSIONS, SuiteError } from "../eval/suite.js";

export class BenchInputError extends Error {
  override name = "BenchInputError";
}

export interface BenchQuestion {
  message: string;
  history?: Turn[];
}

const Line = z.string().max(MAX_MESSAGE_CHARS, `a question may have at most ${MAX_MESSAGE_CHARS} characters`);

export function parseBenchQuestions(text: string, file: string): BenchQuestion[] {
  const ext = path.extname(file).toLowerCase();
  let questions: BenchQuestion[];
  if (SUITE_EXTENSIONS.includes(ext)) {
    try {
      questions = parseSuite(text, file).cases.map((c) => (c.history?.length ? { message: c.question, history: c.history } : { message: c.question }));
    } catch (err) {
      throw new BenchInputError(err instanceof SuiteError ? err.message : `${file}: ${(err as Error).message}`);
    }
  } else if (ext === ".txt" || ext === "") {
    questions = [];
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const parsed = Line.safeParse(line);
      if (!parsed.success) throw new BenchInputError(`${file}:${i + 1}: ${parsed.error.issues[0]!.message}`);
      questions.push({ message: line });
    }
  } else {
    throw new BenchInputError(`${file}: unsupported questions file '${ext}' (use .txt with one question per line, or an eval suite: ${SUITE_EXTENSIONS.join(", ")})`);
  }
  if (questions.length === 0) throw new BenchInputError(`${file}: no questions found`);
  return questions;
}

export async function loadBenchQuestions(file: string): Promise<BenchQuestion[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new BenchInputError(`Cannot read the questions file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseBenchQuestions(text, file);
}

/** `npm run bench` arguments. */
export const BenchArgsSchema = z
  .object({
    seconds: z.coerce.number({ message: "--seconds must be a number" }).positive("--seconds must be more than 0").max(600, "--seconds may be at most 600").default(10),
    url: z
      .string()
      .url("--url must be a URL such as http://localhost:3000")
      .refine((u) => /^https?:\/\//.test(u), "--url must be http(s)")
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    questions: z.string().min(1, "--questions needs a file").default("scripts/bench-questions.txt"),
    library: z.coerce.number({ message: "--library must be a number of articles" }).int("--library must be a whole number").min(1).max(20_000).optional(),
    embedBatches: z
      .string()
      .regex(/^\d+(,\d+)*$/, "--embed-batches must be comma-separated batch sizes such as 1,16,64")
      .transform((s) => s.split(",").map(Number))
      .optional(),
  })
  .strict();
export type BenchArgs = z.infer<typeof BenchArgsSchema>;

export function parseBenchArgs(values: Record<string, unknown>): BenchArgs {
  const parsed = BenchArgsSchema.safeParse(values);
  if (!parsed.success) throw new BenchInputError(parsed.error.issues.map((i) => i.message).join("\n"));
  return parsed.data;
}
