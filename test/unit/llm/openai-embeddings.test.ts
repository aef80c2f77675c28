/** EMBEDDER=openai: chunks are embedded in batches through the real @langchain/openai client, against msw. */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createOpenAIEmbeddings } from "../../../src/embed/openai.js";
import { embeddingsHandler, fakeVector, startOpenAiMock } from "../../helpers/openai-mock.js";
import { http, HttpResponse } from "msw";

const mock = startOpenAiMock();
afterEach(() => mock.reset());
afterAll(() => mock.close());

const docs = Array.from({ length: 7 }, (_, i) => `Passage number ${i} about infusion ${i}.`);

describe("createOpenAIEmbeddings", () => {
  it("embeds documents in batches of batchSize, in order, with the configured model", async () => {
    mock.use(embeddingsHandler(1536, { requests: mock.requests }));
    const { embeddings, id, dimensions } = createOpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: "sk-test-key", baseUrl: null, batchSize: 3 });
    expect([id, dimensions]).toEqual(["openai:text-embedding-3-small", 1536]);
    const vectors = await embeddings.embedDocuments(docs);
    const requests = mock.embeddingRequests();
    expect(requests.map((r) => r.body.input)).toEqual([docs.slice(0, 3), docs.slice(3, 6), docs.slice(6)]);
    expect(requests.every((r) => r.body.model === "text-embedding-3-small")).toBe(true);
    expect(requests.every((r) => r.headers.authorization === "Bearer sk-test-key")).toBe(true);
    expect(vectors).toHaveLength(docs.length);
    vectors.forEach((v, i) => expect(v[0]).toBeCloseTo(fakeVector(docs[i]!, 1536)[0]!, 5));
  });

  it("uses OPENAI_BASE_URL and retries a transient failure", async () => {
    let calls = 0;
    mock.use(
      // The first attempt fails; later ones fall through to the embeddings fake.
      http.post("http://llm.test/v1/embeddings", () => (++calls === 1 ? HttpResponse.json({ error: { message: "busy" } }, { status: 503 }) : undefined)),
      embeddingsHandler(1536, { baseUrl: "http://llm.test/v1", requests: mock.requests }),
    );
    const { embeddings } = createOpenAIEmbeddings({ model: "text-embedding-3-small", apiKey: null, baseUrl: "http://llm.test/v1", batchSize: 10 });
    const vector = await embeddings.embedQuery("how long does an infusion take?");
    expect(calls).toBe(2);
    expect(mock.embeddingRequests().map((r) => r.body.input)).toEqual(["how long does an infusion take?"]);
    expect(vector).toHaveLength(1536);
  });

  it("refuses a model whose width it does not know", () => {
    expect(() => createOpenAIEmbeddings({ model: "mystery-embedder", apiKey: "k", baseUrl: null })).toThrow(/Unknown embedding width/);
  });
});
