/** The clinic's eval suites, read only for their questions (the doctor never scores them). */
import path from "node:path";
import { clinicSuitesDir, loadSuites, resolveSuiteFiles } from "../eval/evaluate.js";
import type { SuiteQuestion } from "./reach.js";

export type SuiteQuestions = { ok: true; files: string[]; questions: SuiteQuestion[] } | { ok: false; files: string[]; reason: string };

export async function loadSuiteQuestions(args: string[], cwd: string, clinicId: string): Promise<SuiteQuestions> {
  const requested = args.map((a) => path.resolve(cwd, a));
  try {
    const files = await resolveSuiteFiles(requested, clinicSuitesDir(cwd, clinicId));
    const suites = await loadSuites(files);
    const questions = suites.flatMap((s) => s.cases.map((c) => ({ suite: s.name, id: c.id, question: c.question, ...(c.history ? { history: c.history } : {}) })));
    return { ok: true, files: files.map((f) => path.relative(cwd, f) || f), questions };
  } catch (err) {
    return { ok: false, files: requested.map((f) => path.relative(cwd, f)), reason: `eval suites not usable: ${(err as Error).message}` };
  }
}
