import { describe, expect, it } from "vitest";
import { ChatRequestSchema, type ChatReply } from "../../../src/contract.js";
import { historyForRequest, loadConversation, parseConversation, saveConversation, truncate, type StoredMessage } from "../../../src/widget/storage.js";

const reply = (text: string): ChatReply => ({ type: "answer", text, citations: [], disclaimer: "Not medical advice.", actions: [], sessionId: "s1" });

function conversationOf(pairs: number, userText = (i: number) => `question ${i}`): StoredMessage[] {
  return Array.from({ length: pairs }, (_, i) => [
    { role: "user", text: userText(i) } as const,
    { role: "assistant", reply: reply(`answer ${i}`) } as const,
  ]).flat();
}

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

describe("historyForRequest", () => {
  it("sends the last turns, oldest first, within what the API accepts", () => {
    const history = historyForRequest(conversationOf(8, (i) => (i === 7 ? "x".repeat(9000) : `question ${i}`)));
    expect(history).toHaveLength(10);
    expect(history[0]).toEqual({ role: "user", content: "question 3" });
    expect(history.at(-1)).toEqual({ role: "assistant", content: "answer 7" });
    expect(history[8]!.content).toHaveLength(8000);
    expect(ChatRequestSchema.safeParse({ message: "next", history }).success).toBe(true);
  });

  it("never cuts an emoji in half", () => {
    const text = `${"a".repeat(7999)}😀tail`;
    const cut = truncate(text, 8000);
    expect(cut).toBe("a".repeat(7999));
  });
});

describe("conversation storage", () => {
  it("round-trips through storage", () => {
    const store = new MemoryStore();
    const conversation = { sessionId: "abc_123", messages: conversationOf(2) };
    saveConversation("k", conversation, store);
    expect(loadConversation("k", store)).toEqual(conversation);
  });

  it("survives storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveConversation("k", { sessionId: null, messages: conversationOf(1) }, broken)).not.toThrow();
    expect(loadConversation("k", broken)).toEqual({ sessionId: null, messages: [] });
    expect(loadConversation("k", null)).toEqual({ sessionId: null, messages: [] });
  });

  it("drops what another script or an older version left there", () => {
    expect(parseConversation("not json")).toEqual({ sessionId: null, messages: [] });
    const mixed = parseConversation(
      JSON.stringify({
        sessionId: "bad id with spaces",
        messages: [{ role: "user", text: "hi" }, { role: "assistant", reply: { text: "no other fields" } }, { role: "system", text: "x" }, { role: "assistant", reply: reply("ok") }],
      }),
    );
    expect(mixed).toEqual({ sessionId: null, messages: [{ role: "user", text: "hi" }, { role: "assistant", reply: reply("ok") }] });
  });
});
