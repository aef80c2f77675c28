/**
 * The single typed configuration object, built once at startup from the
 * environment and the clinic file. Nothing else in the codebase reads
 * `process.env`; everything receives a `Config` (or a slice of it).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ActionSchema } from "./contract.js";
import { refusedPortProblem } from "./fetch-ports.js";
import { actionHrefProblem, isSecureWebHref } from "./links.js";
import { parseTrustProxy, type TrustProxy } from "./trust-proxy.js";

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL");

/** An http(s) URL this server will call with fetch: on a port fetch can reach. */
const outboundUrl = httpUrl.superRefine((url, ctx) => {
  const problem = refusedPortProblem(url);
  if (problem) ctx.addIssue({ code: "custom", message: `${problem}. Fix: use a URL on another port (e.g. the default 443 for https, or 8080/8443).` });
});

/** A clinic action the widget will actually render (see src/links.ts; the widget uses the same rule). */
const ClinicActionSchema = ActionSchema.superRefine((action, ctx) => {
  const problem = actionHrefProblem(action);
  if (problem) ctx.addIssue({ code: "custom", path: ["href"], message: problem });
});

export const ClinicSchema = z
  .object({
    name: z.string().min(1),
    phone: z.string().min(3),
    bookingUrl: z.string().refine(isSecureWebHref, "must be an https:// URL (http:// only for localhost)"),
    /** The booking button's words ("Book a sleep study", "Request an appointment"). */
    bookingLabel: z.string().trim().min(2).max(40).default("Book a consultation"),
    disclaimer: z.string().min(20),
    allowedOrigins: z.array(z.string().regex(/^https?:\/\/[^/]+$/, "must be an origin like https://clinic.example (no path)")).default([]),
    leadForm: z.boolean().default(true),
    emergency: z
      .object({
        text: z.string().min(20),
        actions: z
          .array(ClinicActionSchema)
          .min(1)
          .refine((actions) => actions.some((a) => a.kind === "call"), "needs at least one call action (a tel: link): a patient in crisis must be able to call with one tap"),
        /**
         * The text for a medical emergency (chest pain, trouble breathing, an overdose, asking for an ambulance:
         * the taxonomy's `reply: medical` categories), the emergency number first. Optional: without it every
         * emergency gets `text`. Same call actions.
         */
        medicalText: z.string().min(20).optional(),
      })
      .strict(),
    /**
     * The notice above an ordinary reply when crisis risk is possible (src/route/risk.ts); needs a `tel:` call action.
     * Optional: without it the notice is a short generic text with the emergency block's call actions.
     */
    crisisNotice: z
      .object({
        text: z.string().min(20),
        actions: z
          .array(ClinicActionSchema)
          .min(1)
          .refine((actions) => actions.some((a) => a.kind === "call"), "needs at least one call action (a tel: link) the widget renders as a button"),
      })
      .strict()
      .optional(),
    replies: z
      .object({
        noAnswer: z.string().min(1),
        personalAdvice: z.string().min(1),
        offTopic: z.string().min(1),
        booking: z.string().min(1),
        generalFactsIntro: z.string().min(1),
      })
      .strict(),
  })
  .strict();
export type Clinic = z.infer<typeof ClinicSchema>;

/** The shipped clinic, used when CLINIC_DIR is not set. */
export const DEFAULT_CLINIC_DIR = "corpus/ketamine-pain";
export const DEFAULT_DEFAULTS_DIR = "corpus/defaults";

const boolFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * Each embedding thread holds its own copy of the model (about 250 MB while a
 * build runs): on a many-core server, one per core would be gigabytes.
 */
const DEFAULT_MAX_EMBED_THREADS = 4;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** The clinic's folder (clinic.yaml, articles/, optional overrides); everything else follows it. */
  CLINIC_DIR: z.string().optional(),
  /** Old name of CLINIC_DIR, still accepted. */
  CORPUS_DIR: z.string().optional(),
  /** Product-wide defaults every clinic builds on (safety rules, crisis model, lexicon, promotional patterns). */
  DEFAULTS_DIR: z.string().default(DEFAULT_DEFAULTS_DIR),
  CLINIC_CONFIG: z.string().optional(),
  DATA_DIR: z.string().optional(),
  INDEX_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Reverse proxies whose X-Forwarded-For counts: addresses/CIDRs/`loopback`…, or a hop count (src/trust-proxy.ts). */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      try {
        return parseTrustProxy(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Enables `POST /internal/retrieve` (ranked passages, for evals over HTTP). Keep off on public servers. */
  INTERNAL_API: boolFromEnv.default(false),
  BOOKING_WEBHOOK_URL: outboundUrl.optional(),
  /** Delete delivered leads this many days after delivery (unset: keep them until staff purge). */
  LEAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  /** Store and deliver the widget's chat session id with a lead (off: a lead cannot be tied to chat logs). */
  LEADS_INCLUDE_SESSION_ID: boolFromEnv.default(false),
  BOOKING_WEBHOOK_SECRET: z.string().min(16, "BOOKING_WEBHOOK_SECRET must be at least 16 characters").optional(),
  EMBEDDER: z.enum(["local", "openai"]).default("local"),
  EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  /** Worker threads that embed chunks during an index build with the local model (default: one per core, at most 4). */
  EMBED_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  ANSWERER: z.enum(["extractive", "llm"]).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: outboundUrl.optional(),
  CHAT_MODEL: z.string().default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(8000),
  LLM_DAILY_REQUEST_CAP: z.coerce.number().int().min(0).default(5000),
  /** Connection limits of the Node server (slow clients must not hold sockets forever). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Retrieval variant (for comparing designs with the eval suite); the default is the measured best. */
  RETRIEVAL_FUSION: z.enum(["bm25", "dense", "linear", "rrf"]).optional(),
  RETRIEVAL_DENSE_WEIGHT: z.coerce.number().min(0).max(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Node server: request headers, whole request, and idle socket limits (ms). */
  httpTimeouts: { headersMs: number; requestMs: number; idleMs: number };
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  paths: ClinicPaths;
  clinic: Clinic;
  rateLimitPerMinute: number;
  trustProxy: TrustProxy;
  internalApi: boolean;
  webhook: { url: string | null; secret: string | null };
  /** Days a delivered lead is kept; null keeps it until `npm run leads -- purge`. */
  leadRetentionDays: number | null;
  /** Whether a lead keeps the chat session id the widget sends (clinic opt-in). */
  leadSessionId: boolean;
  embedder: { kind: "local"; threads: number } | { kind: "openai"; model: string };
  answerer: "extractive" | "llm";
  openai: { apiKey: string | null; baseUrl: string | null; chatModel: string; timeoutMs: number; dailyRequestCap: number };
  retrieval: { fusion?: "bm25" | "dense" | "linear" | "rrf"; denseWeight?: number };
}

/** Where one clinic's files and data live (src/clinic-files.ts lists the files within). */
export interface ClinicPaths {
  /** The clinic folder's name: it names the clinic's data folder and eval suites. */
  clinicId: string;
  clinicDir: string;
  /** Product-wide defaults the clinic folder adds to. */
  defaultsDir: string;
  clinicFile: string;
  articlesDir: string;
  /** This clinic's data (index, edge index, lead database); never shared with another clinic. */
  dataDir: string;
  indexDir: string;
  edgeIndexFile: string;
  leadsDb: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function formatIssues(source: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
  return `Invalid configuration in ${source}:\n${lines.join("\n")}`;
}

export function loadClinic(file: string): Clinic {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`Cannot read clinic config ${file}: ${(err as Error).message}`);
  }
  return parseClinic(raw, file);
}

/** Parses the clinic file's content (already read), naming `source` in errors. */
export function parseClinic(raw: unknown, source: string): Clinic {
  const parsed = ClinicSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(source, parsed.error));
  return parsed.data;
}

type Env = z.infer<typeof EnvSchema>;

function parseEnv(env: Record<string, string | undefined>): Env {
  // Empty strings in env files mean "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(formatIssues("environment", parsed.error));
  return parsed.data;
}

/** Everything but the file paths: shared by the Node server and the Worker. */
function assemble(e: Env, clinic: Clinic, paths: Config["paths"]): Config {
  if (e.EMBEDDER === "openai" && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    throw new ConfigError("EMBEDDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server).");
  }
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${e.HTTP_HEADERS_TIMEOUT_MS}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${e.HTTP_REQUEST_TIMEOUT_MS}): the headers are part of the request.`,
    );
  }
  const llmAvailable = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const answerer = e.ANSWERER ?? (llmAvailable ? "llm" : "extractive");
  if (answerer === "llm" && !llmAvailable) {
    throw new ConfigError("ANSWERER=llm needs OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server).");
  }

  return {
    port: e.PORT,
    host: e.HOST,
    httpTimeouts: { headersMs: e.HTTP_HEADERS_TIMEOUT_MS, requestMs: e.HTTP_REQUEST_TIMEOUT_MS, idleMs: e.HTTP_IDLE_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
    paths,
    clinic,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    internalApi: e.INTERNAL_API,
    webhook: { url: e.BOOKING_WEBHOOK_URL ?? null, secret: e.BOOKING_WEBHOOK_SECRET ?? null },
    leadRetentionDays: e.LEAD_RETENTION_DAYS ?? null,
    leadSessionId: e.LEADS_INCLUDE_SESSION_ID,
    embedder: e.EMBEDDER === "openai" ? { kind: "openai", model: e.EMBEDDING_MODEL } : { kind: "local", threads: e.EMBED_THREADS ?? Math.min(availableParallelism(), DEFAULT_MAX_EMBED_THREADS) },
    answerer,
    openai: {
      apiKey: e.OPENAI_API_KEY ?? null,
      baseUrl: e.OPENAI_BASE_URL ?? null,
      chatModel: e.CHAT_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      dailyRequestCap: e.LLM_DAILY_REQUEST_CAP,
    },
    retrieval: {
      ...(e.RETRIEVAL_FUSION ? { fusion: e.RETRIEVAL_FUSION } : {}),
      ...(e.RETRIEVAL_DENSE_WEIGHT !== undefined ? { denseWeight: e.RETRIEVAL_DENSE_WEIGHT } : {}),
    },
  };
}

/**
 * The clinic's folders and data paths from the environment, without reading
 * any file: what `npm run import` needs before a clinic folder is complete.
 */
export function clinicPathsFromEnv(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ClinicPaths {
  return resolvePaths(parseEnv(env), cwd);
}

function resolvePaths(e: Env, cwd: string): ClinicPaths {
  if (e.CLINIC_DIR && e.CORPUS_DIR && path.resolve(cwd, e.CLINIC_DIR) !== path.resolve(cwd, e.CORPUS_DIR)) {
    throw new ConfigError(
      `CLINIC_DIR (${e.CLINIC_DIR}) and CORPUS_DIR (${e.CORPUS_DIR}) name different folders. Fix: set only CLINIC_DIR (CORPUS_DIR is its old name).`,
    );
  }
  const clinicDir = path.resolve(cwd, e.CLINIC_DIR ?? e.CORPUS_DIR ?? DEFAULT_CLINIC_DIR);
  const clinicId = path.basename(clinicDir);
  const dataDir = path.resolve(cwd, e.DATA_DIR ?? path.join("data", clinicId));
  return {
    clinicId,
    clinicDir,
    defaultsDir: path.resolve(cwd, e.DEFAULTS_DIR),
    clinicFile: path.resolve(cwd, e.CLINIC_CONFIG ?? path.join(clinicDir, "clinic.yaml")),
    articlesDir: path.join(clinicDir, "articles"),
    dataDir,
    indexDir: path.resolve(cwd, e.INDEX_DIR ?? path.join(dataDir, "index")),
    edgeIndexFile: path.join(dataDir, "edge", "index.json"),
    leadsDb: path.join(dataDir, "leads.sqlite"),
  };
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** A clinic folder needs clinic.yaml and articles/; everything else has a product-wide default. */
function requireClinicFolder(paths: ClinicPaths): void {
  const fix = "Fix: set CLINIC_DIR to the clinic's folder (README, \"New clinic\").";
  if (!isDir(paths.clinicDir)) throw new ConfigError(`No clinic folder at ${paths.clinicDir}. ${fix}`);
  if (!existsSync(paths.clinicFile)) throw new ConfigError(`No clinic config at ${paths.clinicFile}. Fix: create it (copy ${DEFAULT_CLINIC_DIR}/clinic.yaml and edit every value), or set CLINIC_DIR to the clinic's folder.`);
  if (!isDir(paths.articlesDir)) throw new ConfigError(`No articles folder at ${paths.articlesDir}. Fix: create it and put the clinic's articles (<id>.md) in it, or set CLINIC_DIR to the clinic's folder.`);
  if (!isDir(paths.defaultsDir)) throw new ConfigError(`No defaults folder at ${paths.defaultsDir}. Fix: restore ${DEFAULT_DEFAULTS_DIR} from the repository, or set DEFAULTS_DIR to it.`);
}

/** Builds the config from an environment (defaults to `process.env`). Throws `ConfigError` with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const e = parseEnv(env);
  const paths = resolvePaths(e, cwd);
  requireClinicFolder(paths);
  return assemble(e, loadClinic(paths.clinicFile), paths);
}

/**
 * The config on Cloudflare Workers: vars and secrets from the Worker's `env`,
 * the clinic file from the bundled edge index. There is no filesystem, so the
 * paths only name where things came from.
 */
export function configFromWorkerEnv(env: Record<string, unknown>, clinic: unknown): Config {
  const strings = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const bundled = "(bundled in the Worker)";
  return assemble(parseEnv(strings), parseClinic(clinic, "the edge index's clinic config"), {
    clinicId: bundled,
    clinicDir: bundled,
    defaultsDir: bundled,
    clinicFile: bundled,
    articlesDir: bundled,
    dataDir: bundled,
    indexDir: bundled,
    edgeIndexFile: bundled,
    leadsDb: "(Cloudflare D1)",
  });
}
