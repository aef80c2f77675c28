/**
 * The shape the model must answer in (OpenAI structured output). The answerer
 * never parses free text: a reply that does not match is malformed output.
 */
import { z } from "zod";

export const GROUNDED_ANSWER_NAME = "grounded_answer";

export const GroundedSentenceSchema = z
  .object({
    text: z.string().describe("One sentence stating one claim from the passages, without citation markers."),
    // Plain numbers: some servers reject integer bounds in strict mode; a non-integer simply matches no passage.
    citations: z.array(z.number()).describe("Numbers of the passages that state this sentence's claim."),
  })
  .strict();
export type GroundedSentence = z.infer<typeof GroundedSentenceSchema>;

export const GroundedAnswerSchema = z
  .object({
    covered: z.boolean().describe("false when the passages do not answer the question."),
    sentences: z.array(GroundedSentenceSchema).describe("The answer, one claim per sentence; empty when not covered."),
  })
  .strict()
  .describe("An answer to the patient's question built only from the numbered passages.");
export type GroundedAnswer = z.infer<typeof GroundedAnswerSchema>;

export const CondensedQuestionSchema = z
  .object({
    question: z.string().describe("The patient's latest message rewritten as one standalone question."),
  })
  .strict();
