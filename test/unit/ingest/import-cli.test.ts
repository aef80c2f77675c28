/**
 * `npm run import`: the command writes drafts, refuses to overwrite without
 * --force, and on any bad input prints one line naming the file, exits
 * non-zero and writes nothing.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { runImportCommand } from "../../../src/ingest/import/command.js";

const HTML_DIR = path.resolve("test/fixtures/import/html");
const SEED = path.resolve("test/fixtures/import/seeds/003_b526229a22c50253.txt");

let cwd: string;
let out: string;

beforeEach(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), "import-cli-"));
  out = path.join(cwd, "articles");
});

async function runWith(env: Record<string, string>, argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runImportCommand(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t), today: "2026-02-01", cwd, env });
  return { code, stdout: stdout.join("\n"), stderr };
}
const run = (...argv: string[]) => runWith({}, argv);

const listOut = async () => (await readdir(out).catch(() => [] as string[])).sort();

describe("npm run import", () => {
  it("writes into the clinic's articles folder by default (CLINIC_DIR, or its old name CORPUS_DIR)", async () => {
    const r = await runWith({ CLINIC_DIR: "clinics/physio" }, [SEED, "--publisher", "Iowa Clinic"]);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(await readdir(path.join(cwd, "clinics/physio/articles"))).toHaveLength(1);
    const old = await runWith({ CORPUS_DIR: "clinics/old" }, [SEED, "--publisher", "Iowa Clinic"]);
    expect(old.code).toBe(0);
    expect(await readdir(path.join(cwd, "clinics/old/articles"))).toHaveLength(1);
    const none = await runWith({}, [SEED, "--publisher", "Iowa Clinic", "--dry-run"]);
    expect(none.stdout).toContain("corpus/ketamine-pain/articles");
  });

  it("notes under a page when the main-content extractor was overruled and the whole <main> kept", async () => {
    const sentence = (topic: string) => `<p>This paragraph explains ${topic} in enough words to count as article prose for the importer.</p>`;
    const page = `<html><head><title>Collapsed</title><meta property="og:site_name" content="A Clinic"></head><body><main>${sentence("the first step")}<div hidden>${["dosing", "timing", "recovery", "costs"].map(sentence).join("")}</div></main></body></html>`;
    await writeFile(path.join(cwd, "collapsed.html"), page);
    const r = await run("collapsed.html", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 headings, 5 paragraphs");
    expect(r.stdout).toMatch(/\n {4}note: kept all of <main>: the main-content extractor found only \d+% of its text \(check for site chrome\)/);
    const plain = await run(path.join(HTML_DIR, "maplegrove-blood-test.htm"), "--dry-run");
    expect(plain.stdout).not.toContain("note:");
  });

  it("writes one draft per page and prints what it wrote and removed", async () => {
    const r = await run(HTML_DIR, "--out", "articles");
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(await listOut()).toEqual([
      "flu-vaccines-common-questions.md",
      "getting-ready-for-a-fasting-blood-test.md",
      "preparing-for-your-first-physiotherapy-visit.md",
      "what-to-expect-at-an-overnight-sleep-study.md",
    ]);
    expect(r.stdout).toContain("Wrote 4 draft articles to articles:");
    expect(r.stdout).toMatch(/preparing-for-your-first-physiotherapy-visit\.md {2}← .*harbor-first-physio-visit\.html/);
    expect(r.stdout).toMatch(/Removed as site chrome \(\d+\):/);
    expect(r.stdout).toContain('harbor-first-physio-visit.html: page <nav>: "Home · Services · Blog · Contact"');
  });

  it("refuses to replace an existing article unless --force", async () => {
    await run(SEED, "--out", "articles", "--publisher", "Iowa Clinic");
    const file = path.join(out, "ketamine-treatment-how-long-does-it-last.md");
    await writeFile(file, "edited by staff");
    const again = await run(SEED, "--out", "articles", "--publisher", "Iowa Clinic");
    expect(again.code).toBe(1);
    expect(again.stderr[0]).toMatch(/003_b526229a22c50253\.txt: articles\/ketamine-treatment-how-long-does-it-last\.md already exists \(use --force to replace it\)/);
    expect(await readFile(file, "utf8")).toBe("edited by staff");
    const forced = await run(SEED, "--out", "articles", "--publisher", "Iowa Clinic", "--force");
    expect(forced.code).toBe(0);
    expect(await readFile(file, "utf8")).toMatch(/^---\nid: ketamine-treatment-how-long-does-it-last\n/);
  });

  it.each([
    ["an unknown extension", "notes.pdf", "%PDF-1.4", /^notes\.pdf: unsupported file type '\.pdf' \(expected \.html, \.htm, \.docx, \.txt\)$/],
    ["an empty page", "empty.html", "  \n", /^empty\.html: the file is empty$/],
    ["a page with no text", "blank.html", "<html><head><title>x</title></head><body><nav>Home</nav></body></html>", /^blank\.html: no article text left after removing site chrome$/],
  ])("%s: one line naming the file, exit 1, nothing written (not even the good files)", async (_case, name, content, message) => {
    await writeFile(path.join(cwd, name), content);
    const r = await run(HTML_DIR, name, "--out", "articles", "--publisher", "A Clinic");
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(message);
    expect(r.stderr).toHaveLength(2);
    expect(r.stderr[1]).toBe("import: nothing written (1 problem)");
    expect(await listOut()).toEqual([]);
  });

  it("an unreadable file: one line naming it, exit 1", async () => {
    const r = await run("missing.txt", "--out", "articles");
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual(["missing.txt: cannot read (ENOENT)"]);
    expect(await listOut()).toEqual([]);
  });

  it("plain text without --publisher says how to fix it", async () => {
    const r = await run(SEED, "--out", "articles");
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(/003_b526229a22c50253\.txt: the page does not name its site; pass --publisher "<clinic name>"$/);
  });

  it("bad arguments: a clear message and exit 2", async () => {
    expect((await run()).stderr).toEqual(["import: give at least one file or folder to import (npm run import -- --help)"]);
    const unknown = await run("page.html", "--outdir", "x");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr[0]).toMatch(/^import: Unknown option '--outdir'/);
    expect((await run("page.html", "--out")).code).toBe(2);
    expect((await run("--help")).stdout).toContain("Usage: npm run import");
  });

  it("--dry-run reports without writing", async () => {
    const r = await run(HTML_DIR, "--out", "articles", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Would write 4 draft articles");
    expect(await listOut()).toEqual([]);
  });

  it("--dry-run over drafts already written still reports, noting what --force would replace", async () => {
    expect((await run(HTML_DIR, "--out", "articles")).code).toBe(0);
    const before = await listOut();
    const r = await run(HTML_DIR, "--out", "articles", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Would write 4 draft articles");
    expect(r.stdout.match(/^note: .*already exists \(use --force to replace it\)$/gm)).toHaveLength(4);
    expect(await listOut()).toEqual(before);
  });

  it("the script exits non-zero on bad input (wiring of scripts/import.ts)", async () => {
    await writeFile(path.join(cwd, "notes.pdf"), "%PDF");
    const script = path.resolve("scripts/import.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const err = await promisify(execFile)(tsx, [script, "notes.pdf", "--out", "articles"], { cwd }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr.trim()).toBe("notes.pdf: unsupported file type '.pdf' (expected .html, .htm, .docx, .txt)");
  });
});
