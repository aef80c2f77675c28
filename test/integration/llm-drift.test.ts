/**
 * Issue 13: a model that drifts subtly — valid grounded_answer JSON, real
 * citations, one plausible false claim per answer — must get no false claim
 * to a patient, over JSON and over SSE; when nothing it says survives, the
 * extractive answer is used. The real runtime (pipeline, verifier with
 * WordNet and the clinic lexicon) against an msw fake of the OpenAI API.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { normalizeWhitespace } from "../../src/answer/text.js";
import { ChatReplySchema, type ChatReply } from "../../src/contract.js";
import { chatCompletionHandler, driftingModel, startOpenAiMock, type DriftingModel } from "../helpers/openai-mock.js";
import { postChat, startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const mock = startOpenAiMock([], { onUnhandledRequest: "bypass" });
let rt: TestRuntime;
let questions: string[] = [];

beforeAll(async () => {
  rt = await startTestRuntime({ OPENAI_API_KEY: "sk-test-drift-0123456789", ANSWERER: "llm" });
  const suite = parseYaml(await readFile(path.resolve("evals/ketamine-pain/clinic-faq.yaml"), "utf8")) as { cases: Array<{ question: string; history?: unknown[]; expect: { type?: string } }> };
  questions = suite.cases.filter((c) => c.expect.type === "answer" && !c.history?.length).map((c) => c.question).slice(0, 20);
});
afterEach(() => mock.reset());
afterAll(async () => {
  mock.close();
  await rt?.dispose();
});

function serve(drift: DriftingModel) {
  mock.use(chatCompletionHandler(drift.model, { requests: mock.requests }));
}

/** The reply's sentences without their citation markers. */
function sentencesOf(reply: ChatReply): string[] {
  return reply.text
    .split(/(?<=\])\s+/)
    .map((s) => normalizeWhitespace(s.replace(/\s*\[\d+\]/g, "")))
    .filter(Boolean);
}

function answererOfLastChat(): unknown {
  const lines = rt.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "chat");
  return lines.at(-1)?.answerer;
}

async function askJson(message: string): Promise<ChatReply> {
  const res = await postChat(rt.app, { message });
  expect(res.status).toBe(200);
  return ChatReplySchema.parse(await res.json());
}

async function askStream(message: string): Promise<{ reply: ChatReply; deltas: string }> {
  const res = await postChat(rt.app, { message }, { accept: "text/event-stream" });
  expect(res.status).toBe(200);
  const events = (await res.text())
    .split("\n\n")
    .filter(Boolean)
    .map((block) => ({ event: /^event: (.+)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null") as unknown }));
  const reply = ChatReplySchema.parse(events.find((e) => e.event === "done")?.data);
  const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text).join("");
  return { reply, deltas };
}

function expectNoDrift(text: string, reply: ChatReply, injected: string[]) {
  const said = new Set(sentencesOf(reply).map((s) => s.toLowerCase()));
  for (const claim of injected) expect(said.has(normalizeWhitespace(claim).toLowerCase()), claim).toBe(false);
  expect(text).not.toMatch(/\b(?:cure|permanent|insurance|all types|no side effects|will always|every kind)\b/i);
}

describe("a subtly drifting model (issue 13)", () => {
  it("gets no false claim to the patient over JSON, while its faithful sentences still get through", async () => {
    const drift = driftingModel();
    serve(drift);
    let llmAnswers = 0;
    for (const q of questions) {
      const reply = await askJson(q);
      expectNoDrift(reply.text, reply, drift.injected);
      if (answererOfLastChat() === "llm") llmAnswers++;
    }
    // Not vacuous: the model was asked, drifted every time, and its faithful sentences were used.
    expect(questions.length).toBe(20);
    expect(drift.injected.length).toBeGreaterThanOrEqual(15);
    expect(llmAnswers).toBeGreaterThanOrEqual(10);
  });

  it("gets no false claim to the patient over SSE, in the deltas or the final reply", async () => {
    const drift = driftingModel();
    serve(drift);
    for (const q of questions) {
      const { reply, deltas } = await askStream(q);
      expect(deltas).toBe(reply.text);
      expectNoDrift(deltas, reply, drift.injected);
    }
    expect(drift.injected.length).toBeGreaterThanOrEqual(15);
  });

  it("answers extractively when nothing the model says survives, over JSON and SSE", async () => {
    const drift = driftingModel({ only: true });
    serve(drift);
    const q = "How long does one session take?";
    const reply = await askJson(q);
    expect(drift.injected).toHaveLength(1);
    expect(reply.type).toBe("answer");
    expect(answererOfLastChat()).toBe("extractive");
    expectNoDrift(reply.text, reply, drift.injected);
    const { reply: streamed, deltas } = await askStream(q);
    expect(drift.injected).toHaveLength(2);
    expect(answererOfLastChat()).toBe("extractive");
    expect(streamed.text).toBe(reply.text);
    expectNoDrift(deltas, streamed, drift.injected);
  });
});
