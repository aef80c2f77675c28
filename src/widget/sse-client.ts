/**
 * Server-Sent Events over fetch (EventSource cannot POST). Implements the
 * parsing rules of the HTML standard that matter for a single response:
 * any line ending, comments, `event`/`data` fields, multi-line data, and an
 * unterminated last event being discarded.
 */

export interface SseMessage {
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; returns the messages completed by it. `final` marks the end of the stream. */
  push(text: string, final?: boolean): SseMessage[];
}

export function createSseParser(): SseParser {
  let buffer = "";
  let started = false;
  let eventName = "";
  let data: string[] = [];

  function takeLine(line: string, out: SseMessage[]): void {
    if (line === "") {
      if (data.length > 0) out.push({ event: eventName || "message", data: data.join("\n") });
      eventName = "";
      data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    else if (field === "data") data.push(value);
    // `id` and `retry` only matter for reconnecting EventSource clients.
  }

  return {
    push(text, final = false) {
      buffer += text;
      if (!started && buffer.length > 0) {
        started = true;
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      }
      const out: SseMessage[] = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== "\n" && ch !== "\r") continue;
        // A trailing "\r" may be the first half of "\r\n": wait for more input.
        if (ch === "\r" && i === buffer.length - 1 && !final) break;
        takeLine(buffer.slice(start, i), out);
        if (ch === "\r" && buffer[i + 1] === "\n") i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
  };
}

/** Reads a response body as SSE messages. Throws if the body errors mid-stream. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode(), true);
  } finally {
    // Stops the download when the consumer gives up early.
    reader.cancel().catch(() => {});
  }
}
