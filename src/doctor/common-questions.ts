/**
 * How well the corpus answers what patients of any clinic ask: each question
 * in the product-wide list goes through the real assistant, and the reply it
 * would give (text and citations) is kept for staff to read.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { ChatReply } from "../contract.js";
import type { Assistant } from "../types.js";

export const DEFAULT_COMMON_QUESTIONS_FILE = fileURLToPath(new URL("./common-questions.yaml", import.meta.url));

const FileSchema = z
  .object({
    questions: z
      .array(z.object({ id: z.string().min(1), about: z.string().min(1), question: z.string().trim().min(1).max(2000) }).strict())
      .min(1, "the list needs at least one question"),
  })
  .strict();
export type CommonQuestion = z.infer<typeof FileSchema>["questions"][number];

export class CommonQuestionsError extends Error {
  override name = "CommonQuestionsError";
}

export function parseCommonQuestions(raw: unknown, source: string): CommonQuestion[] {
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) throw new CommonQuestionsError(parsed.error.issues.map((i) => `${source}: field '${i.path.join(".") || "(file)"}': ${i.message}`).join("\n"));
  return parsed.data.questions;
}

export async function loadCommonQuestions(file = DEFAULT_COMMON_QUESTIONS_FILE): Promise<CommonQuestion[]> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, "utf8"));
  } catch (err) {
    throw new CommonQuestionsError(`Cannot read common questions ${file}: ${(err as Error).message}`);
  }
  return parseCommonQuestions(raw, file);
}

export interface CommonAnswer extends CommonQuestion {
  answered: boolean;
  type: ChatReply["type"];
  text: string;
  citations: Array<{ n: number; articleId: string; title: string; section: string | null; quote: string }>;
}

export async function askCommonQuestions(assistant: Assistant, questions: CommonQuestion[]): Promise<CommonAnswer[]> {
  const out: CommonAnswer[] = [];
  for (const [i, q] of questions.entries()) {
    const { reply } = await assistant.respond({ message: q.question }, `doctor-common-${i}`);
    out.push({
      ...q,
      answered: reply.type === "answer",
      type: reply.type,
      text: reply.text,
      citations: reply.citations.map((c) => ({ n: c.n, articleId: c.articleId, title: c.title, section: c.section, quote: c.quote })),
    });
  }
  return out;
}
