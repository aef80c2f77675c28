/**
 * `npm run import -- <files or folders> [--out dir] [--publisher name] [--force] [--dry-run]`:
 * converts saved web pages, Word documents and text captures into draft
 * articles. All or nothing: every file is converted and checked before the
 * first one is written, and an existing article is never replaced without --force.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { clinicPathsFromEnv } from "../../config.js";
import { importFiles, isSupported, type ImportedArticle, type ImportInput } from "./import.js";

export const IMPORT_USAGE = `Usage: npm run import -- <files or folders…> [options]

Converts saved web pages (.html, .htm), Word documents (.docx) and text
captures (.txt) into draft articles (status: draft) for the corpus.

Options:
  --out <dir>          where to write the articles (default: the clinic's articles folder,
                       $CLINIC_DIR/articles, default corpus/ketamine-pain/articles)
  --publisher <name>   the clinic that published the pages (default: the page's og:site_name;
                       required for .txt and .docx)
  --force              replace articles that already exist
  --dry-run            convert and report, write nothing
  -h, --help           this help`;

export interface ImportIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** ISO date for the drafts' \`reviewed\` field. */
  today: string;
  cwd: string;
  /** The environment: CLINIC_DIR (or CORPUS_DIR) picks the default --out. */
  env?: Record<string, string | undefined>;
}

class UsageError extends Error {}

async function collectFiles(args: string[], cwd: string): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isSupported(entry.name)) files.push(full);
    }
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    try {
      if ((await stat(full)).isDirectory()) await walk(full);
      else files.push(full);
    } catch (err) {
      errors.push(`${arg}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  return { files: [...new Set(files)], errors };
}

/** Ids already used in the articles folder, by file name: two files may not share one. */
async function existingIds(outDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!existsSync(outDir)) return ids;
  for (const name of await readdir(outDir)) {
    if (!name.endsWith(".md")) continue;
    const id = /^id:\s*["']?([a-z0-9-]+)/m.exec(await readFile(path.join(outDir, name), "utf8"))?.[1];
    if (id) ids.set(id, name);
  }
  return ids;
}

function quote(text: string, max = 70): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

function summary(articles: ImportedArticle[], outDir: string, cwd: string, dryRun: boolean): string[] {
  const rel = (p: string) => path.relative(cwd, p) || ".";
  const lines = [`${dryRun ? "Would write" : "Wrote"} ${articles.length} draft article${articles.length === 1 ? "" : "s"} to ${rel(outDir)}:`];
  for (const a of articles) {
    const c = a.counts;
    lines.push(`  ${a.id}.md  ← ${rel(a.source)}`);
    lines.push(`    ${quote(a.title)} · ${c.headings} headings, ${c.paragraphs} paragraphs, ${c.listItems} list items · url: ${a.url ?? "none"}`);
    if (a.reviewed.fromPage) lines.push(`    reviewed: ${a.reviewed.date}, the date the page states (${quote(a.reviewed.fromPage, 60)})`);
    for (const note of a.notes) lines.push(`    note: ${note}`);
  }
  const removed = articles.flatMap((a) => a.removed);
  lines.push(removed.length === 0 ? "Removed as site chrome: nothing." : `Removed as site chrome (${removed.length}):`);
  for (const a of articles) {
    for (const r of a.removed) lines.push(`  ${rel(a.source)}: ${r.reason}: ${quote(r.text)}`);
  }
  if (!dryRun) lines.push("Next: read each draft, then set status: approved and reviewed: <date> and run npm run index.");
  return lines;
}

export async function runImportCommand(argv: string[], io: ImportIo): Promise<number> {
  let values: { out?: string; publisher?: string; force?: boolean; "dry-run"?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        publisher: { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
    if (values.help) {
      io.out(IMPORT_USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError("import: give at least one file or folder to import (npm run import -- --help)");
    if (values.publisher !== undefined && !values.publisher.trim()) throw new UsageError("import: --publisher needs a name");
  } catch (err) {
    io.err(err instanceof UsageError ? err.message : `import: ${(err as Error).message} (npm run import -- --help)`);
    return 2;
  }

  let outDir: string;
  try {
    outDir = values.out !== undefined ? path.resolve(io.cwd, values.out) : clinicPathsFromEnv(io.env ?? {}, io.cwd).articlesDir;
  } catch (err) {
    io.err(`import: ${(err as Error).message}`);
    return 2;
  }
  const { files, errors } = await collectFiles(positionals, io.cwd);
  if (files.length === 0 && errors.length === 0) errors.push(`import: no .html, .htm, .docx or .txt files in ${positionals.join(", ")}`);

  const inputs: ImportInput[] = [];
  for (const file of files) {
    try {
      inputs.push({ source: path.relative(io.cwd, file) || file, bytes: await readFile(file) });
    } catch (err) {
      errors.push(`${path.relative(io.cwd, file)}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  const result = await importFiles(inputs, { publisher: values.publisher?.trim(), today: io.today });
  errors.push(...result.errors);

  const ids = await existingIds(outDir);
  const dryRun = values["dry-run"] === true;
  // A dry run writes nothing, so an existing draft is something to know, not a reason to show nothing.
  const wouldReplace: string[] = [];
  for (const a of result.articles) {
    const target = path.join(outDir, `${a.id}.md`);
    const owner = ids.get(a.id);
    if ((existsSync(target) || owner) && !values.force) {
      const message = `${a.source}: ${path.relative(io.cwd, owner ? path.join(outDir, owner) : target)} already exists (use --force to replace it)`;
      if (dryRun) wouldReplace.push(message);
      else errors.push(message);
    } else if (owner && owner !== `${a.id}.md`) {
      errors.push(`${a.source}: id '${a.id}' is used by ${owner}; rename or remove that file first`);
    }
  }
  if (errors.length > 0) {
    for (const e of errors) io.err(e);
    if (result.articles.length > 0) io.err(`import: nothing written (${errors.length} problem${errors.length === 1 ? "" : "s"})`);
    return 1;
  }

  if (!dryRun) {
    // Temp files first, then renames: a failure leaves no half-written article.
    const temps: Array<{ temp: string; target: string }> = [];
    try {
      await mkdir(outDir, { recursive: true });
      for (const a of result.articles) {
        const target = path.join(outDir, `${a.id}.md`);
        const temp = path.join(outDir, `.${a.id}.md.${process.pid}.tmp`);
        temps.push({ temp, target });
        await writeFile(temp, a.text, { flag: "wx" });
      }
      for (const t of temps) await rename(t.temp, t.target);
    } catch (err) {
      await Promise.all(temps.map((t) => rm(t.temp, { force: true })));
      io.err(`import: cannot write to ${path.relative(io.cwd, outDir)}: ${(err as Error).message}`);
      return 1;
    }
  }
  for (const line of summary(result.articles, outDir, io.cwd, dryRun)) io.out(line);
  for (const line of wouldReplace) io.out(`note: ${line}`);
  return 0;
}
