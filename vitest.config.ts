import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Native addons (hnswlib, better-sqlite3) and the TF.js model are heavier in
    // worker threads; forks keep each test file in its own process.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A test once failed on CI (two shared cores) where every local fresh-clone run passed;
    // one retry there keeps such a flake from hiding real results (.ci/run names anything that still fails).
    retry: process.env.CI ? 1 : 0,
  },
});
