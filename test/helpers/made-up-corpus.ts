/**
 * A small made-up clinic corpus in a temp dir, for tests that must not depend
 * on the shipped articles: the shipped clinic config with the given articles
 * and lexicon entries (the product-wide defaults supply the rest).
 */
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";

export interface MadeUpArticle {
  id: string;
  title: string;
  body: string;
}

export async function writeMadeUpCorpus(articles: MadeUpArticle[], lexicon: Array<{ patient: string[]; articles: string[] }> = []): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "faq-corpus-"));
  // A clinic folder needs only its clinic.yaml and articles; the product-wide defaults apply.
  await cp(path.join("corpus", "ketamine-pain", "clinic.yaml"), path.join(dir, "clinic.yaml"));
  await writeFile(path.join(dir, "lexicon.yaml"), stringify({ entries: lexicon }));
  await mkdir(path.join(dir, "articles"));
  for (const a of articles) {
    const front = ["---", `id: ${a.id}`, `title: ${JSON.stringify(a.title)}`, "publisher: Made-Up Clinic", "reviewed: 2026-01-01", "status: approved", "---"];
    await writeFile(path.join(dir, "articles", `${a.id}.md`), `${front.join("\n")}\n# ${a.title}\n\n${a.body.trim()}\n`);
  }
  return dir;
}
