/**
 * EMBED_THREADS: validated like every setting, and by default one thread per
 * core but never so many that index builds hold gigabytes of model copies.
 */
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";

const threads = (env: Record<string, string>) => {
  const config = loadConfig({ LOG_LEVEL: "silent", ...env });
  return config.embedder.kind === "local" ? config.embedder.threads : null;
};

describe("EMBED_THREADS", () => {
  it("defaults to one per core, at most 4", () => {
    expect(threads({})).toBe(Math.min(availableParallelism(), 4));
  });
  it("takes an explicit count", () => {
    expect(threads({ EMBED_THREADS: "1" })).toBe(1);
    expect(threads({ EMBED_THREADS: "8" })).toBe(8);
  });
  it.each(["0", "-2", "1.5", "lots", "65"])("refuses %j, naming the setting", (value) => {
    expect(() => loadConfig({ LOG_LEVEL: "silent", EMBED_THREADS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: "silent", EMBED_THREADS: value })).toThrow(/EMBED_THREADS/);
  });
});
