/**
 * `npm run doctor -- [--html OUT] [--json OUT] [--suite FILE ...]
 * [--max-age-months N] [--questions FILE] [--strict]`.
 * Exit codes: 0 nothing blocks going live, 1 something does (with --strict,
 * warnings too), 2 the check could not run (bad arguments or configuration).
 */
import { parseCliArgs, UsageError } from "../cli-args.js";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ConfigError, loadConfig } from "../config.js";
import { renderDoctorHtml } from "./render/html.js";
import { renderTerminal } from "./render/terminal.js";
import { exitCode } from "./report.js";
import { runDoctor, type DoctorOptions } from "./run.js";

export const DOCTOR_USAGE = `Usage: npm run doctor -- [options]

  --html OUT            write a self-contained HTML report for staff
  --json OUT            write the machine-readable report
  --suite FILE          eval suite (file or folder) whose questions test section reach; repeatable (default: evals/<clinic id>/)
  --max-age-months N    a review date older than this is a warning (default 12)
  --questions FILE      common patient questions (default: the built-in list)
  --strict              warnings (contradictions, unanswered questions, duplicates, stale reviews) block too

Reads the clinic named by CLINIC_DIR (default corpus/ketamine-pain) with the defaults in DEFAULTS_DIR.
Never touches the clinic's index (it builds its own in a temp folder).
Exit code: 0 ready, 1 blocking problems, 2 the check could not run.`;

const ArgsSchema = z.object({
  html: z.string().min(1).optional(),
  json: z.string().min(1).optional(),
  suite: z.array(z.string().min(1)).default([]),
  "max-age-months": z.coerce.number({ error: "--max-age-months must be a number" }).int("--max-age-months must be a whole number").min(1, "--max-age-months must be at least 1").max(240).default(12),
  questions: z.string().min(1).optional(),
  strict: z.boolean().default(false),
  help: z.boolean().default(false),
});

export interface DoctorIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  now?: () => Date;
  /** Test seam, passed to the run. */
  embedder?: DoctorOptions["embedder"];
}

function parse(argv: string[]) {
  return parseCliArgs(argv, {
    html: { type: "string" },
    json: { type: "string" },
    suite: { type: "string", multiple: true },
    "max-age-months": { type: "string" },
    questions: { type: "string" },
    strict: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  }, ArgsSchema);
}

async function writeOut(file: string, text: string, io: DoctorIo): Promise<void> {
  const target = path.resolve(io.cwd, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  io.err(`wrote ${path.relative(io.cwd, target) || target}`);
}

export async function runDoctorCli(argv: string[], io: DoctorIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args.help) {
      io.out(DOCTOR_USAGE);
      return 0;
    }
    const config = loadConfig({ LOG_LEVEL: "error", ...io.env }, io.cwd);
    const report = await runDoctor({
      config,
      now: (io.now ?? (() => new Date()))(),
      maxAgeMonths: args["max-age-months"],
      strict: args.strict,
      suites: args.suite,
      cwd: io.cwd,
      ...(args.questions ? { questionsFile: path.resolve(io.cwd, args.questions) } : {}),
      ...(io.embedder ? { embedder: io.embedder } : {}),
    });
    io.out(renderTerminal(report));
    if (args.json) await writeOut(args.json, `${JSON.stringify(report, null, 2)}\n`, io);
    if (args.html) await writeOut(args.html, renderDoctorHtml(report), io);
    return exitCode(report.summary);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${DOCTOR_USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 2;
    }
    io.err(`doctor could not run: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
