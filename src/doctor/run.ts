/**
 * One doctor run: read the corpus, run the text checks, then build the real
 * assistant on the valid articles (index in a temp folder, so the clinic's
 * live index is never touched and one bad file does not stop the rest)
 * and run the retrieval checks through it.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { clinicFiles } from "../clinic-files.js";
import type { Config } from "../config.js";
import type { IdentifiedEmbeddings } from "../embed/types.js";
import { loadSuiteQuestions } from "./suite-questions.js";
import { chunkArticle, collapseNearDuplicates, DEFAULT_CHUNK_OPTIONS } from "../ingest/chunk.js";
import { createPromoMatcher, loadPromoPatterns, type PromoRules } from "../ingest/promotional.js";
import { silentLogger } from "../logger.js";
import { loadPipeline } from "../runtime.js";
import { askCommonQuestions, DEFAULT_COMMON_QUESTIONS_FILE, loadCommonQuestions } from "./common-questions.js";
import { findContradictions } from "./contradictions.js";
import { nearDuplicatePassages } from "./duplicates.js";
import { checkFrontMatter, type ArticleFile } from "./front-matter.js";
import { inventory } from "./inventory.js";
import { promotionalSentences } from "./promotional.js";
import { rankQuestions, sectionReach } from "./reach.js";
import { summarize, type DoctorReport } from "./report.js";

export interface DoctorOptions {
  config: Config;
  now: Date;
  maxAgeMonths: number;
  strict: boolean;
  /** Suite files or folders; empty means the clinic's `evals/<clinic id>/` under `cwd`. */
  suites: string[];
  cwd: string;
  questionsFile?: string;
  topK?: number;
  /** Test seam: reuse an embedder instead of loading the model again. */
  embedder?: IdentifiedEmbeddings;
}

async function readArticleFiles(articlesDir: string): Promise<ArticleFile[]> {
  const names = (await readdir(articlesDir)).filter((n) => n.endsWith(".md") && !n.startsWith("_")).sort();
  return Promise.all(names.map(async (n) => ({ file: path.join("articles", n), text: await readFile(path.join(articlesDir, n), "utf8") })));
}

function failure(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { config } = options;
  const topK = options.topK ?? 3;
  const questionsFile = options.questionsFile ?? DEFAULT_COMMON_QUESTIONS_FILE;
  const setup: string[] = [];
  const files = await readArticleFiles(config.paths.articlesDir);
  const { articles, problems } = checkFrontMatter(files, { now: options.now, maxAgeMonths: options.maxAgeMonths });
  const approved = articles.filter((a) => a.status === "approved");

  let specs: PromoRules | [] = [];
  try {
    specs = await loadPromoPatterns(clinicFiles(config.paths).promotional);
  } catch (err) {
    setup.push(failure(err));
  }
  const promo = createPromoMatcher(specs, approved.map((a) => a.publisher));
  const allChunks = approved.flatMap((a) => chunkArticle(a, promo, DEFAULT_CHUNK_OPTIONS));
  const kept = new Set(collapseNearDuplicates(allChunks, DEFAULT_CHUNK_OPTIONS.duplicateThreshold).kept.map((c) => c.id));

  let reach: DoctorReport["reach"] = { ran: false, reason: "" };
  let commonQuestions: DoctorReport["commonQuestions"] = { ran: false, reason: "" };
  let assistantInfo: DoctorReport["assistant"] = null;
  const suiteLoad = await loadSuiteQuestions(options.suites, options.cwd, config.paths.clinicId);

  if (approved.length === 0 || setup.length > 0) {
    const reason = approved.length === 0 ? "no approved article passed validation" : "the corpus setup is broken (see above)";
    reach = { ran: false, reason };
    commonQuestions = { ran: false, reason };
  } else {
    const work = await mkdtemp(path.join(tmpdir(), "clinic-doctor-"));
    try {
      const articlesDir = path.join(work, "articles");
      await mkdir(articlesDir);
      const valid = new Set(articles.map((a) => a.source));
      for (const f of files) if (valid.has(f.file)) await writeFile(path.join(work, f.file), f.text);
      const scoped: Config = { ...config, paths: { ...config.paths, articlesDir, indexDir: path.join(work, "index") } };
      const { assistant, index, embedder } = await loadPipeline(scoped, { ensureIndex: true, logger: silentLogger, ...(options.embedder ? { embedder: options.embedder } : {}) });
      assistantInfo = { answerer: config.answerer, embedder: embedder.id, articles: index.manifest.articleCount, chunks: index.manifest.chunkCount };
      const inv = inventory(approved, allChunks, kept);
      if (suiteLoad.ok) {
        const rankings = await rankQuestions(assistant, suiteLoad.questions);
        reach = { ran: true, result: sectionReach(inv, rankings, index.chunksById, topK, suiteLoad.files) };
      } else reach = { ran: false, reason: suiteLoad.reason };
      try {
        commonQuestions = { ran: true, result: await askCommonQuestions(assistant, await loadCommonQuestions(questionsFile)) };
      } catch (err) {
        commonQuestions = { ran: false, reason: failure(err) };
      }
    } catch (err) {
      setup.push(`the assistant could not be built from the valid articles: ${failure(err)}`);
      reach = { ran: false, reason: "the assistant could not be built" };
      commonQuestions = { ran: false, reason: "the assistant could not be built" };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  const body: Omit<DoctorReport, "summary"> = {
    generatedAt: options.now.toISOString(),
    corpusDir: config.paths.clinicDir,
    options: { maxAgeMonths: options.maxAgeMonths, strict: options.strict, topK, suites: suiteLoad.files, questionsFile },
    assistant: assistantInfo,
    articles: inventory(articles, allChunks, kept),
    frontMatter: problems,
    setup,
    promotional: promotionalSentences(approved, promo),
    duplicates: nearDuplicatePassages(approved, promo),
    contradictions: findContradictions(approved, promo),
    reach,
    commonQuestions,
  };
  return { ...body, summary: summarize(body) };
}
