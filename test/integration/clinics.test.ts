/**
 * One clinic = one folder: a new clinic needs only clinic.yaml and articles/
 * (everything else comes from the product-wide defaults), gets its own data
 * folder, and every missing or broken file is one line naming the file.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatReplySchema } from "../../src/contract.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createEmbedder } from "../../src/embed/index.js";
import { runEvalCli } from "../../src/eval/cli.js";
import { silentLogger } from "../../src/logger.js";
import { createRuntime, loadClinicData, type Runtime } from "../../src/runtime.js";
import { postChat } from "../helpers/runtime.js";

const repo = path.resolve(import.meta.dirname, "../..");
const DEFAULTS = path.join(repo, "corpus/defaults");
const shippedClinic = readFileSync(path.join(repo, "corpus/ketamine-pain/clinic.yaml"), "utf8");

const article = (id: string, title: string, body: string) => `---
id: ${id}
title: "${title}"
publisher: Test Clinic
reviewed: 2026-01-15
status: approved
---
${body}
`;

const DENTAL = article(
  "your-first-dental-cleaning",
  "Your First Dental Cleaning",
  `# Your First Dental Cleaning

## How long a cleaning takes

A routine dental cleaning takes about 45 minutes from check-in to checkout.

## Polishing

The hygienist polishes your teeth with a gritty paste after scaling.
`,
);

const EYES = article(
  "eye-exam-basics",
  "Eye Exam Basics",
  `# Eye Exam Basics

## Dilation

Dilating drops widen the pupils so the optometrist can see the retina; blurry vision lasts four to six hours.

## Contact lenses

Bring your contact lenses and their box to the exam so the prescription can be checked.
`,
);

let root: string;
const embedder = createEmbedder(loadConfig({ PATH: process.env.PATH }));

/** A clinic folder with only clinic.yaml and articles/, under `root`. */
function makeClinic(id: string, articles: Record<string, string>): string {
  const dir = path.join(root, "clinics", id);
  mkdirSync(path.join(dir, "articles"), { recursive: true });
  writeFileSync(path.join(dir, "clinic.yaml"), shippedClinic);
  for (const [name, text] of Object.entries(articles)) writeFileSync(path.join(dir, "articles", name), text);
  return dir;
}

/** Env as a staff member would set it: only CLINIC_DIR (DATA_DIR follows it); cwd is the temp root. */
const envFor = (clinicDir: string, extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, CLINIC_DIR: clinicDir, DEFAULTS_DIR: DEFAULTS, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "silent", ...extra });

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "clinics-"));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("a clinic folder with only clinic.yaml and articles/", () => {
  let dental: Runtime;
  let eyes: Runtime;

  beforeAll(async () => {
    dental = await createRuntime(loadConfig(envFor(makeClinic("dental", { "cleaning.md": DENTAL })), root), { ensureIndex: true, logger: silentLogger, embedder });
    eyes = await createRuntime(loadConfig(envFor(makeClinic("eyes", { "exam.md": EYES })), root), { ensureIndex: true, logger: silentLogger, embedder });
  }, 120_000);
  afterAll(async () => {
    await dental?.close();
    await eyes?.close();
  });

  it("starts on the product-wide defaults and answers from its own articles, with citations", async () => {
    const res = await postChat(dental.app, { message: "How long does a dental cleaning take?" });
    expect(res.status).toBe(200);
    const reply = ChatReplySchema.parse(await res.json());
    expect(reply.type).toBe("answer");
    expect(reply.text).toContain("45 minutes");
    expect(reply.citations.map((c) => c.articleId)).toEqual(["your-first-dental-cleaning"]);
    // The defaults' safety rules are in force: a crisis gets the emergency reply.
    const crisis = ChatReplySchema.parse(await (await postChat(dental.app, { message: "I want to kill myself" })).json());
    expect(crisis.type).toBe("emergency");
  });

  it("keeps each clinic's index and leads in its own data folder, named after the clinic folder", async () => {
    expect(dental.config.paths.dataDir).toBe(path.join(root, "data", "dental"));
    expect(eyes.config.paths.dataDir).toBe(path.join(root, "data", "eyes"));
    expect(dental.config.paths.indexDir).toBe(path.join(root, "data", "dental", "index"));
    expect(dental.config.paths.edgeIndexFile).toBe(path.join(root, "data", "dental", "edge", "index.json"));
    expect(dental.config.paths.leadsDb).toBe(path.join(root, "data", "dental", "leads.sqlite"));
    expect(existsSync(path.join(root, "data", "dental", "index", "manifest.json"))).toBe(true);
    expect(existsSync(path.join(root, "data", "eyes", "index", "manifest.json"))).toBe(true);
    expect(dental.manifest.corpusHash).not.toBe(eyes.manifest.corpusHash);
    // Starting the second clinic did not rebuild over the first: each answers only from its own articles.
    const dentalOnEyes = ChatReplySchema.parse(await (await postChat(dental.app, { message: "How long does blurry vision from dilating drops last?" })).json());
    expect(dentalOnEyes.type).toBe("no_answer");
    const eyesReply = ChatReplySchema.parse(await (await postChat(eyes.app, { message: "How long does blurry vision from dilating drops last?" })).json());
    expect(eyesReply.type).toBe("answer");
    expect(eyesReply.citations.map((c) => c.articleId)).toEqual(["eye-exam-basics"]);
  });
});

describe("clinic settings", () => {
  it("accepts CORPUS_DIR as the old name of CLINIC_DIR, and refuses the two naming different folders", () => {
    const dir = makeClinic("alias", { "cleaning.md": DENTAL });
    const config = loadConfig({ CORPUS_DIR: dir, DEFAULTS_DIR: DEFAULTS }, root);
    expect(config.paths.clinicDir).toBe(dir);
    expect(config.paths.clinicId).toBe("alias");
    expect(loadConfig({ CORPUS_DIR: dir, CLINIC_DIR: dir, DEFAULTS_DIR: DEFAULTS }, root).paths.clinicDir).toBe(dir);
    const err = errorOf(() => loadConfig({ CORPUS_DIR: dir, CLINIC_DIR: path.join(root, "clinics", "dental"), DEFAULTS_DIR: DEFAULTS }, root));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/CLINIC_DIR .* and CORPUS_DIR .* name different folders\. Fix: set only CLINIC_DIR/);
  });

  it("defaults to the shipped clinic with its data in data/ketamine-pain", () => {
    const config = loadConfig({}, repo);
    expect(config.paths.clinicDir).toBe(path.join(repo, "corpus/ketamine-pain"));
    expect(config.paths.defaultsDir).toBe(DEFAULTS);
    expect(config.paths.dataDir).toBe(path.join(repo, "data/ketamine-pain"));
    expect(config.paths.indexDir).toBe(path.join(repo, "data/ketamine-pain/index"));
  });
});

describe("a missing or broken clinic file is one line naming the file and the fix", () => {
  it("names a missing clinic.yaml", () => {
    const dir = makeClinic("no-config", { "cleaning.md": DENTAL });
    rmSync(path.join(dir, "clinic.yaml"));
    const err = errorOf(() => loadConfig(envFor(dir), root));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).not.toContain("\n");
    expect(err.message).toContain(`No clinic config at ${path.join(dir, "clinic.yaml")}. Fix:`);
    expect(err.message).not.toMatch(/ENOENT/);
  });

  it("names a missing articles folder", () => {
    const dir = makeClinic("no-articles", {});
    rmSync(path.join(dir, "articles"), { recursive: true });
    const err = errorOf(() => loadConfig(envFor(dir), root));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).not.toContain("\n");
    expect(err.message).toContain(`No articles folder at ${path.join(dir, "articles")}. Fix:`);
  });

  it("names a broken clinic lexicon, and `npm run index` stops on it before writing anything", async () => {
    const dir = makeClinic("broken-lexicon", { "cleaning.md": DENTAL });
    const lexicon = path.join(dir, "lexicon.yaml");
    writeFileSync(lexicon, "entries:\n  - patient: [teeth cleaning\n    articles: [cleaning]\n");
    const config = loadConfig(envFor(dir), root);
    const err = await loadClinicData(config).then(() => null, (e: Error) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).not.toContain("\n");
    expect(err!.message).toMatch(new RegExp(`^${lexicon.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not valid YAML: .*Fix:`));

    const run = await promisify(execFile)(path.join(repo, "node_modules/.bin/tsx"), [path.join(repo, "scripts/index.ts")], { cwd: root, env: envFor(dir) }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(lexicon);
    expect(existsSync(path.join(root, "data", "broken-lexicon"))).toBe(false);
  }, 60_000);

  it("names a lexicon entry with a missing field", async () => {
    const dir = makeClinic("bad-entry", { "cleaning.md": DENTAL });
    const lexicon = path.join(dir, "lexicon.yaml");
    writeFileSync(lexicon, "entries:\n  - patient: [scale and polish]\n");
    const err = await loadClinicData(loadConfig(envFor(dir), root)).then(() => null, (e: Error) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).not.toContain("\n");
    expect(err!.message).toContain(`${lexicon}: field 'entries.0.articles'`);
  });

  it("names a missing product-wide file with the way to restore it", async () => {
    const defaults = path.join(root, "defaults-copy");
    cpSync(DEFAULTS, defaults, { recursive: true });
    rmSync(path.join(defaults, "promotional.yaml"));
    const dir = makeClinic("no-promo", { "cleaning.md": DENTAL });
    const err = await loadClinicData(loadConfig({ ...envFor(dir), DEFAULTS_DIR: defaults }, root)).then(() => null, (e: Error) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).not.toContain("\n");
    expect(err!.message).toContain(`Missing promotional patterns ${path.join(defaults, "promotional.yaml")}. Fix: restore promotional.yaml`);
    rmSync(path.join(defaults, "safety", "risk.yaml"));
    const safety = await loadClinicData(loadConfig({ ...envFor(dir), DEFAULTS_DIR: defaults }, root)).then(() => null, (e: Error) => e);
    expect(safety!.message).toContain(`Missing safety rules file ${path.join(defaults, "safety", "risk.yaml")}. Fix:`);
  });
});

describe("npm run eval follows the clinic", () => {
  it("runs evals/<clinic id>/ by default, and names that folder when the clinic has no suites", async () => {
    const dir = makeClinic("no-suites", { "cleaning.md": DENTAL });
    const err: string[] = [];
    const code = await runEvalCli([], { out: () => {}, err: (t) => err.push(t), progress: false, env: envFor(dir), cwd: root });
    expect(code).toBe(2);
    expect(err.join("\n")).toContain(`This clinic has no eval suites in ${path.join(root, "evals", "no-suites")}. Fix:`);
  });
});
