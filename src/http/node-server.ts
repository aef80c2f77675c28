/**
 * The Node HTTP server around the Hono app, with explicit connection
 * timeouts. Node's defaults never cut a client that trickles its request
 * body, so a handful of slow connections could hold the server's sockets
 * for good. Shared by `npm start` and the tests that need a real socket.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";
import type { Config } from "../config.js";

export interface NodeServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** createServer options (and the idle timeout) for the configured limits. */
export function serverTimeouts(t: Config["httpTimeouts"]) {
  return {
    /** Whole request header received within this. */
    headersTimeout: t.headersMs,
    /** Whole request (headers and body) received within this. */
    requestTimeout: t.requestMs,
    // Node checks the two limits above on this interval (default 30 s, far coarser than the limits themselves).
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(Math.min(t.headersMs, t.requestMs) / 4))),
    // A kept-alive connection waiting for its next request never outlives the idle limit.
    keepAliveTimeout: Math.min(5000, t.idleMs),
  };
}

export function listen(app: Hono, config: Pick<Config, "port" | "host" | "httpTimeouts">, port = config.port): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: config.host, serverOptions: serverTimeouts(config.httpTimeouts) }, (info: AddressInfo) => {
      resolve({
        server: server as Server,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeIdleConnections();
          }),
      });
    }) as ServerType as Server;
    // No bytes either way for this long (mid-request or mid-response): the socket is closed.
    server.setTimeout(config.httpTimeouts.idleMs);
    server.once("error", reject);
  });
}
