/**
 * Routing confusion per suite, decided as the assistant does (conversation risk,
 * then the router; no index, no retrieval):
 * expected reply type (rows) × routed kind (columns). Fast enough to run after
 * every rule edit.
 *
 *   npx tsx scripts/routing-report.ts [--corpus DIR] [--show] SUITE... [--corpus DIR SUITE...]
 *
 * SUITE is an eval suite (.yaml/.yml/.jsonl; cases with `expect.type`), a
 * routing set (.txt of `kind | message` lines, kind a route kind: the blind
 * routing sets in test/fixtures/routing/) or a safety fixture set (.txt; the
 * expected type comes from the file name: crisis → emergency, advice/offtopic
 * → declined, booking → booking, normal → answer). Each suite is routed with
 * the rules and the topic of the `--corpus` folder given before it (default
 * `corpus/ketamine-pain`). `--show` lists the
 * misrouted messages. Without suites it reports the safety fixture sets used
 * for tuning; `--heldout` adds the held-out ones (measure with them, never tune).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { loadSuite } from "../src/eval/suite.js";
import { readPhrasings } from "../src/route/training-data.js";
import { deriveCorpusTopic } from "../src/index/build.js";
import { prepareCorpus } from "../src/index/corpus.js";
import { clinicFiles } from "../src/clinic-files.js";
import { assessRisk, loadClinicSafetyRules, routeIntent, sanitizeInput, type RouteKind, type SafetyRules } from "../src/route/index.js";
import type { Turn } from "../src/contract.js";
import { compileTopic } from "../src/route/topic.js";

type ExpectedType = "answer" | "no_answer" | "booking" | "declined" | "emergency" | RouteKind;
type LoadedRouting = { rules: SafetyRules };

async function loadRouting(clinicDir: string): Promise<LoadedRouting> {
  // The clinic's files as the server reads them, and the topic as `npm run index` derives it (no embedding).
  const files = clinicFiles({ clinicDir, defaultsDir: path.join(root, "corpus/defaults") });
  const corpus = await prepareCorpus({ articlesDir: path.join(clinicDir, "articles"), promotionalFiles: files.promotional });
  const topic = compileTopic(await deriveCorpusTopic(corpus.chunks));
  return { rules: loadClinicSafetyRules(files.safety, topic) };
}

/** As the assistant decides: the conversation's risk first (clear → emergency), then the message's intent. */
function routeCase(message: string, history: readonly Turn[], routing: LoadedRouting): { kind: string; rule?: string | null } {
  const clean = sanitizeInput(message);
  const risk = assessRisk(clean, history, routing.rules);
  if (risk.level === "clear") return { kind: "emergency", rule: risk.rule };
  return routeIntent(clean, routing.rules);
}

const root = path.resolve(import.meta.dirname, "..");

interface Item {
  message: string;
  history?: Turn[];
  expected: ExpectedType;
}

function fixtureExpectation(file: string): ExpectedType | null {
  const name = path.basename(file);
  if (/crisis/.test(name)) return "emergency";
  if (/advice|offtopic/.test(name)) return "declined";
  if (/booking/.test(name)) return "booking";
  if (/normal/.test(name)) return "answer";
  return null;
}

const KINDS = ["question", "booking", "personal_advice", "off_topic", "emergency"] as const;
const KIND_LINE = new RegExp(`^(${KINDS.join("|")}) \\| (.+)$`);

async function readItems(file: string): Promise<Item[]> {
  if (file.endsWith(".txt")) {
    const lines = readPhrasings(file);
    const labelled = lines.map((line) => KIND_LINE.exec(line));
    if (lines.length > 0 && labelled.every(Boolean)) return labelled.map((m) => ({ message: m![2]!, expected: m![1] as RouteKind }));
    const expected = fixtureExpectation(file);
    if (!expected) throw new Error(`${file}: cannot tell the expected type from the file name`);
    return lines.map((message) => ({ message, expected }));
  }
  const suite = await loadSuite(file);
  return suite.cases.filter((c) => c.expect.type).map((c) => ({ message: c.question, history: c.history ?? [], expected: c.expect.type as ExpectedType }));
}

/** Which routed kinds give the expected reply type (answer and no_answer are both decided after routing). */
const RIGHT: Record<ExpectedType, readonly string[]> = {
  answer: ["question"],
  no_answer: ["question"],
  booking: ["booking"],
  declined: ["personal_advice", "off_topic"],
  emergency: ["emergency"],
  question: ["question"],
  personal_advice: ["personal_advice"],
  off_topic: ["off_topic"],
};

/** Expected types that are ordinary questions: any other route for them is a misroute the issue counts. */
const ORDINARY: readonly ExpectedType[] = ["answer", "no_answer", "question"];

function report(label: string, items: Item[], routing: LoadedRouting, show: boolean): number {
  const rows = new Map<string, Map<string, number>>();
  const wrong: string[] = [];
  for (const item of items) {
    const decision = routeCase(item.message, item.history ?? [], routing);
    const row = rows.get(item.expected) ?? new Map<string, number>();
    row.set(decision.kind, (row.get(decision.kind) ?? 0) + 1);
    rows.set(item.expected, row);
    if (!RIGHT[item.expected].includes(decision.kind)) wrong.push(`${item.expected} → ${decision.kind} (${decision.rule ?? "-"}): ${item.message.replace(/\n/g, " ⏎ ")}`);
  }
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(`\n${label}  (${items.length} messages, ${wrong.length} misrouted)`);
  console.log(`${"expected \\ routed".padEnd(18)}${KINDS.map((k) => pad(k, 16)).join("")}`);
  for (const [expected, row] of [...rows].sort()) {
    console.log(`${expected.padEnd(18)}${KINDS.map((k) => pad(String(row.get(k) ?? 0), 16)).join("")}`);
  }
  const ordinary = items.filter((i) => ORDINARY.includes(i.expected));
  if (ordinary.length > 0) {
    const bad = ordinary.length - ORDINARY.reduce((n, e) => n + (rows.get(e)?.get("question") ?? 0), 0);
    console.log(`ordinary questions booked, declined or sent to emergency: ${bad}/${ordinary.length} (${((bad / ordinary.length) * 100).toFixed(1)}%)`);
  }
  if (show) for (const line of wrong) console.log(`  ${line}`);
  return wrong.length;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const show = args.includes("--show");
  const heldout = args.includes("--heldout");
  let corpusDir = path.join(root, "corpus/ketamine-pain");
  const plan: Array<{ corpusDir: string; file: string }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--show" || arg === "--heldout") continue;
    if (arg === "--corpus") {
      const next = args[++i];
      if (!next) throw new Error("--corpus needs a folder");
      corpusDir = path.resolve(next);
      continue;
    }
    plan.push({ corpusDir, file: path.resolve(arg) });
  }
  if (plan.length === 0) {
    const dir = path.join(root, "test/fixtures/safety");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt") && (heldout || !n.startsWith("heldout-"))).sort()) plan.push({ corpusDir, file: path.join(dir, name) });
  }
  const loaded = new Map<string, LoadedRouting>();
  for (const { corpusDir: dir, file } of plan) {
    const routing = loaded.get(dir) ?? (await loadRouting(dir));
    loaded.set(dir, routing);
    report(`${path.relative(root, file) || file} [${path.relative(root, dir) || "."}]`, await readItems(file), routing, show);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
