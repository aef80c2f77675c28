import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSseParser, readSse, type SseMessage } from "../../../src/widget/sse-client.js";

function parseAll(chunks: string[]): SseMessage[] {
  const parser = createSseParser();
  const out = chunks.flatMap((c) => parser.push(c));
  return [...out, ...parser.push("", true)];
}

function streamOf(chunks: Uint8Array[], failAfter?: number): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) {
        controller.error(new TypeError("network error"));
        return;
      }
      const next = chunks[i++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<SseMessage[]> {
  const out: SseMessage[] = [];
  for await (const m of readSse(stream)) out.push(m);
  return out;
}

const wire = 'event: meta\ndata: {"type":"answer"}\n\nevent: delta\ndata: {"text":"Hello"}\n\n';

describe("createSseParser", () => {
  it("parses named events with JSON data", () => {
    expect(parseAll([wire])).toEqual([
      { event: "meta", data: '{"type":"answer"}' },
      { event: "delta", data: '{"text":"Hello"}' },
    ]);
  });

  it("gives the same messages however the bytes are split", () => {
    const text = 'event: delta\r\ndata: {"text":"a\\nb"}\r\n\r\n: keep-alive\n\nevent: done\rdata: {}\r\r';
    const whole = parseAll([text]);
    expect(whole).toEqual([
      { event: "delta", data: '{"text":"a\\nb"}' },
      { event: "done", data: "{}" },
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => text.slice(p, points[i] ?? text.length));
        expect(parseAll(chunks)).toEqual(whole);
      }),
    );
  });

  it("joins multi-line data, strips one leading space, defaults the event name and ignores comments", () => {
    expect(parseAll([": comment\ndata:  two spaces\ndata:x\nid: 7\nretry: 10\n\n"])).toEqual([{ event: "message", data: " two spaces\nx" }]);
  });

  it("skips a leading byte-order mark and events without data", () => {
    expect(parseAll(["\ufeffevent: ping\n\nevent: delta\ndata: 1\n\n"])).toEqual([{ event: "delta", data: "1" }]);
  });

  it("discards an unterminated last event", () => {
    expect(parseAll(['event: delta\ndata: {"text":"cut']).length).toBe(0);
  });
});

describe("readSse", () => {
  it("decodes UTF-8 split inside a character", async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"café ✓"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    const messages = await collect(streamOf([bytes.slice(0, cut), bytes.slice(cut)]));
    expect(messages).toEqual([{ event: "delta", data: '{"text":"café ✓"}' }]);
  });

  it("yields what arrived before the body failed, then throws", async () => {
    const seen: SseMessage[] = [];
    const stream = streamOf([new TextEncoder().encode(wire)], 1);
    await expect(
      (async () => {
        for await (const m of readSse(stream)) seen.push(m);
      })(),
    ).rejects.toThrow("network error");
    expect(seen.map((m) => m.event)).toEqual(["meta", "delta"]);
  });
});
