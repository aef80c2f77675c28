/**
 * Where the crisis classifier's examples come from: the safety fixture sets
 * (one phrasing per line), minus the held-out files, which only ever measure.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { matchForms, sanitizeInput } from "./normalize.js";

export const TRAINING_SETS = {
  crisis: ["crisis.txt"],
  other: ["normal-questions.txt", "advice.txt", "offtopic.txt", "booking.txt"],
} as const;

/** One message per line; `#` comments and blank lines skipped; a literal `\n` is a line break. */
export function readPhrasings(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.replace(/\\n/g, "\n"));
}

/** The normalized form the router scores (canonical text). */
export const trainingForm = (message: string) => matchForms(sanitizeInput(message)).forms[0]!;

export function readTrainingSets(fixturesDir: string): { crisis: string[]; other: string[] } {
  const read = (names: readonly string[]) => names.flatMap((n) => readPhrasings(path.join(fixturesDir, n))).map(trainingForm);
  return { crisis: read(TRAINING_SETS.crisis), other: read(TRAINING_SETS.other) };
}
