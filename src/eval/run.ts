/** Runs a suite's cases against a target and scores every reply. */
import { ChatReplySchema, type ChatReply, type ReplyType, type Turn } from "../contract.js";
import type { RankedPassage } from "../types.js";
import { allPassed, scoreReply, type CaseChecks } from "./checks.js";
import type { CorpusReference } from "./corpus-reference.js";
import type { Judgement } from "./grades.js";
import type { EvalCase, Expectation, Suite } from "./suite.js";
import { chatRequestFor, type EvalTarget } from "./target.js";

export interface RetrievalResult {
  /** 1-based rank of the first passage from an expected source; null when none was retrieved. */
  rank: number | null;
  /** Article ids of the ranked passages, best first. */
  ranked: string[];
}

export interface CaseRun {
  suite: string;
  id: string;
  question: string;
  history: Turn[];
  /** 0-based repeat index (`--repeat N`). */
  repeat: number;
  expect: Expectation;
  status: number;
  /** The reply when it met the contract; null otherwise (see checks.contract). */
  reply: ChatReply | null;
  actualType: ReplyType | null;
  checks: CaseChecks;
  passed: boolean;
  latencyMs: number;
  /** Measured for answer cases that name sources, when the target exposes ranked passages. */
  retrieval: RetrievalResult | null;
  /** A human grade of this reply, when the suite has a grades file. */
  judgement?: Judgement;
}

export function rankOfExpected(passages: RankedPassage[], sources: string[]): number | null {
  const hit = passages.findIndex((p) => sources.includes(p.articleId) || sources.includes(p.title));
  return hit === -1 ? null : hit + 1;
}

function measuresRetrieval(expect: Expectation): expect is Expectation & { sources: string[] } {
  return expect.type === "answer" && Array.isArray(expect.sources) && expect.sources.length > 0;
}

export async function runCase(evalCase: EvalCase, suite: Suite, target: EvalTarget, ref: CorpusReference, repeat: number): Promise<CaseRun> {
  const request = chatRequestFor(evalCase.question, evalCase.history);
  const exchange = await target.chat(request);
  const parsed = exchange.status === 200 ? ChatReplySchema.safeParse(exchange.reply) : null;
  let checks: CaseChecks;
  let reply: ChatReply | null = null;
  if (parsed?.success) {
    reply = parsed.data;
    checks = scoreReply(reply, evalCase.expect, ref);
  } else {
    const why =
      exchange.status !== 200
        ? `HTTP ${exchange.status}: ${JSON.stringify(exchange.reply).slice(0, 200)}`
        : `reply breaks the chat contract: ${parsed!.error!.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`;
    checks = { contract: { pass: false, detail: why } };
    if (evalCase.expect.type) checks.type = { pass: false, detail: "no valid reply" };
  }

  let retrieval: RetrievalResult | null = null;
  // Retrieval is deterministic: ranking it once per case is enough.
  if (repeat === 0 && measuresRetrieval(evalCase.expect)) {
    const passages = await target.rankedPassages(request);
    if (passages) retrieval = { rank: rankOfExpected(passages, evalCase.expect.sources), ranked: passages.map((p) => p.articleId) };
  }

  return {
    suite: suite.name,
    id: evalCase.id,
    question: evalCase.question,
    history: evalCase.history ?? [],
    repeat,
    expect: evalCase.expect,
    status: exchange.status,
    reply,
    actualType: reply?.type ?? null,
    checks,
    passed: allPassed(checks),
    latencyMs: exchange.latencyMs,
    retrieval,
  };
}

export interface RunOptions {
  repeat: number;
  onCaseDone?: (run: CaseRun) => void;
}

/** Every case, `repeat` times, in file order (repeats interleaved so drift over time spreads evenly). */
export async function runSuite(suite: Suite, target: EvalTarget, ref: CorpusReference, options: RunOptions): Promise<CaseRun[]> {
  const runs: CaseRun[] = [];
  for (let r = 0; r < options.repeat; r++) {
    for (const evalCase of suite.cases) {
      const run = await runCase(evalCase, suite, target, ref, r);
      runs.push(run);
      options.onCaseDone?.(run);
    }
  }
  return runs;
}
