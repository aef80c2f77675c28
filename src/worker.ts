/**
 * Cloudflare Workers entry (wrangler.toml `main`). The same Hono app and chat
 * contract as `npm start`, built from the edge index that `npm run index`
 * writes and wrangler bundles (the `edge-index` alias in wrangler.toml).
 */
import edgeIndex from "edge-index";
import type { ExecutionContext } from "hono";
import { errorBody } from "./http/errors.js";
import { createEdgeRuntime, type EdgeRuntime, type WorkerEnv } from "./edge/runtime.js";
import type { Deliverer } from "./leads/deliverer.js";
import { purgeExpiredLeads } from "./leads/retention.js";

/**
 * Built on the first request and kept for the isolate's life: vars, secrets
 * and bindings cannot change within an isolate, and rate-limit and LLM
 * circuit-breaker state must persist between requests.
 */
let runtime: { value: EdgeRuntime } | { error: Error } | null = null;

function runtimeFor(env: WorkerEnv): EdgeRuntime {
  if (!runtime) {
    try {
      runtime = { value: createEdgeRuntime(env, edgeIndex) };
    } catch (err) {
      runtime = { error: err as Error };
      console.log(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "the assistant cannot start", error: (err as Error).message }));
    }
  }
  if ("error" in runtime) throw runtime.error;
  return runtime.value;
}

/** Passes until nothing due is left (bounded: a cron invocation has limited time). */
async function deliverDue(deliverer: Deliverer, maxPasses = 5) {
  const total = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };
  for (let i = 0; i < maxPasses; i++) {
    const pass = await deliverer.tick();
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += pass[k];
    if (pass.attempted === 0) break;
  }
  return total;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let edge: EdgeRuntime;
    try {
      edge = runtimeFor(env);
    } catch (err) {
      // Never answer from a broken index or config: say what is wrong and how to fix it.
      return Response.json(errorBody("not_ready", (err as Error).message), { status: 503 });
    }
    const response = await edge.app.fetch(request, env, ctx);
    // Deliver a new lead now rather than at the next cron tick; the cron pass is the safety net.
    if (response.status === 202 && edge.deliverer?.enabled && new URL(request.url).pathname === "/api/leads") {
      ctx.waitUntil(deliverDue(edge.deliverer, 1));
    }
    return response;
  },

  async scheduled(_controller: unknown, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const edge = runtimeFor(env);
    if (edge.leadStore && edge.config.leadRetentionDays !== null) {
      ctx.waitUntil(purgeExpiredLeads(edge.leadStore, edge.config.leadRetentionDays, Date.now(), edge.logger));
    }
    if (!edge.deliverer?.enabled) {
      if (edge.deliverer) edge.logger.warn("BOOKING_WEBHOOK_URL is not set: leads stay pending in D1 until it is");
      return;
    }
    ctx.waitUntil(deliverDue(edge.deliverer).then((r) => edge.logger.info("lead delivery pass", r)));
  },
};
