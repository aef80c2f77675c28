/**
 * The Worker with an OpenAI-compatible provider configured (here a fake one,
 * the same msw handlers as the Node LLM tests, served on a local port since
 * workerd is another process): dense scoring over the bundled vectors and
 * the LLM answerer, both through @langchain/openai running inside workerd.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatReplySchema } from "../../src/contract.js";
import { chatCompletionHandler, embeddingsHandler, faithfulModel, serveHandlersOverHttp, type RecordedRequest } from "../helpers/openai-mock.js";
import { startWranglerDev, type WranglerDev } from "../helpers/wrangler-dev.js";

const requests: RecordedRequest[] = [];
let provider: Awaited<ReturnType<typeof serveHandlersOverHttp>>;
let worker: WranglerDev;

beforeAll(async () => {
  // The handlers match on the base URL, so they are built once the port is known.
  const handlers: Parameters<typeof serveHandlersOverHttp>[0] = [];
  provider = await serveHandlersOverHttp(handlers);
  handlers.push(chatCompletionHandler(faithfulModel, { baseUrl: provider.baseUrl, requests }), embeddingsHandler(1536, { baseUrl: provider.baseUrl, requests }));
  const openai = { EMBEDDER: "openai", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: provider.baseUrl };
  worker = await startWranglerDev({ buildEnv: openai, vars: { ...openai, RETRIEVAL_FUSION: "linear", RATE_LIMIT_PER_MINUTE: "0" } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await provider?.close();
});

describe("Worker in LLM mode", () => {
  it("reports the remote embedder and the LLM answerer", async () => {
    const res = await fetch(`${worker.url}/readyz`);
    expect(await res.json()).toMatchObject({ status: "ready", embedder: "openai:text-embedding-3-small", answerer: "llm" });
  });

  it("embeds the question for dense scoring and answers through the model, cited and verified", async () => {
    requests.length = 0;
    const res = await fetch(`${worker.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "How long does a ketamine session last?" }),
    });
    expect(res.status).toBe(200);
    const reply = ChatReplySchema.parse(await res.json());
    expect(reply.type).toBe("answer");
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(reply.text).toMatch(/hour/i);
    const embedded = requests.filter((r) => r.url.endsWith("/embeddings"));
    expect(embedded.flatMap((r) => r.body.input)).toContainEqual(expect.stringMatching(/ketamine session/i));
    const chats = requests.filter((r) => r.url.endsWith("/chat/completions"));
    expect(chats.length).toBeGreaterThan(0);
    expect(chats[0]!.headers.authorization).toBe("Bearer test-key");
  });
});
