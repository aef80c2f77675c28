/**
 * The real Node server on 127.0.0.1 with small configured limits: a client
 * that trickles its request (body or headers) is cut off instead of holding
 * a socket forever. No timing assertions: only "the server closed it".
 */
import { statSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { listen, type NodeServer } from "../../src/http/node-server.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const root = mkdtempSync(path.join(tmpdir(), "server-timeouts-"));
const dataDir = path.join(root, "not-yet-created", "data");
let rt: TestRuntime;
let http: NodeServer;

beforeAll(async () => {
  rt = await startTestRuntime({ DATA_DIR: dataDir, HTTP_HEADERS_TIMEOUT_MS: "300", HTTP_REQUEST_TIMEOUT_MS: "300", HTTP_IDLE_TIMEOUT_MS: "2000" });
  http = await listen(rt.app, { ...rt.config, host: "127.0.0.1" }, 0);
});
afterAll(async () => {
  await http?.close();
  await rt?.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** Opens a raw connection, writes `head`, then one more byte every 50 ms; resolves with what came back once the server closes. */
function trickle(head: string, drip: string): Promise<{ closed: true; response: string }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(http.port, "127.0.0.1");
    let response = "";
    let timer: ReturnType<typeof setInterval> | undefined;
    // A safety net for a hung test, not a speed assertion.
    const deadline = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error("the server kept a trickling connection open"));
    }, 20_000);
    socket.on("connect", () => {
      socket.write(head);
      timer = setInterval(() => {
        if (!socket.destroyed && socket.writable) socket.write(drip);
      }, 50);
    });
    socket.on("data", (d: Buffer) => (response += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      clearTimeout(deadline);
      resolve({ closed: true, response });
    });
  });
}

describe("Node server timeouts", () => {
  it("closes a connection whose request body never finishes arriving", async () => {
    const head = "POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
    const result = await trickle(head, " ");
    expect(result.closed).toBe(true);
    // Node answers 408 when it can; either way the socket is gone.
    if (result.response) expect(result.response).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a connection whose headers never finish arriving", async () => {
    const result = await trickle("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-Slow: 1\r\n");
    expect(result.closed).toBe(true);
  });

  it("still serves ordinary requests", async () => {
    const res = await fetch(`http://127.0.0.1:${http.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it("takes the limits from the environment, validated", () => {
    expect(rt.config.httpTimeouts).toEqual({ headersMs: 300, requestMs: 300, idleMs: 2000 });
    expect(loadConfig({}).httpTimeouts).toEqual({ headersMs: 10_000, requestMs: 15_000, idleMs: 60_000 });
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "soon" })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: "20000", HTTP_REQUEST_TIMEOUT_MS: "15000" })).toThrow(/must not exceed HTTP_REQUEST_TIMEOUT_MS/);
  });

  it.skipIf(process.platform === "win32")("creates the data directory owner-only, before the index build", () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });
});
