/**
 * Per-kind accept/reject figures of the claim verifier on the red-team
 * fixture sets (test/fixtures/verifier/*.jsonl): each generated sentence is
 * checked against the source sentences it cites, with its clinic's lexicon
 * and article titles. `tuning`/`heldout` are over the pain clinic's articles;
 * `<clinic>-tuning`/`<clinic>-heldout` over corpus/<clinic>/.
 *
 *   npx tsx scripts/verifier-report.ts                 # every set
 *   npx tsx scripts/verifier-report.ts --set physio-tuning --show-failures
 *   npx tsx scripts/verifier-report.ts --bench   # per-sentence latency, WordNet loaded, sentence cache cold
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadLexicon } from "../src/retrieve/lexicon.js";
import { installedWordNet } from "../src/answer/claims/wordnet-files.js";
import { verifierResources } from "../src/answer/claims/resources.js";
import { loadVerifierFixtures, scoreFixtures, formatReport } from "../src/answer/claims/fixtures.js";
import { DEFAULT_VERIFY, prepareEvidence, verifySentence } from "../src/answer/verify.js";
import { loadArticles } from "../src/ingest/load-articles.js";

const args = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, "..");
const fixturesDir = path.join(root, "test", "fixtures", "verifier");
const sets = args.includes("--set")
  ? [args[args.indexOf("--set") + 1]!]
  : (await readdir(fixturesDir)).filter((f) => f.endsWith(".jsonl")).map((f) => f.replace(/\.jsonl$/, "")).sort();
const showFailures = args.includes("--show-failures");
const bench = args.includes("--bench");

/** The clinic a set's sentences come from: its lexicon and titles are the verifier's context. */
const clinicOf = (set: string) => (/^(tuning|heldout)$/.test(set) ? "ketamine-pain" : set.replace(/-(tuning|heldout)$/, ""));
async function clinicContext(clinic: string) {
  const own = path.join(root, "corpus", clinic, "lexicon.yaml");
  const lexicon = await loadLexicon([path.join(root, "corpus/defaults/lexicon.yaml"), ...(existsSync(own) ? [own] : [])]);
  const options = { ...DEFAULT_VERIFY, resources: verifierResources(lexicon, installedWordNet()) };
  const titles = new Map((await loadArticles(path.join(root, "corpus", clinic, "articles"))).map((a) => [a.id, a.title]));
  return { options, titles };
}

const loadStart = performance.now();
// Load the dictionary and the tagger once, as the server does at start.
verifySentence("Sessions last about an hour.", ["Each session usually lasts about an hour."], (await clinicContext("ketamine-pain")).options);
if (bench) console.log(`WordNet + tagger load: ${(performance.now() - loadStart).toFixed(0)} ms`);
for (const set of sets) {
  const { options, titles } = await clinicContext(clinicOf(set));
  const fixtures = await loadVerifierFixtures(path.join(fixturesDir, `${set}.jsonl`));
  if (bench) {
    // Source sentences are prepared first, as the server does for the corpus at start; each generated
    // sentence is then checked once, timed alone, paying for its own analysis as a request would.
    const prepStart = performance.now();
    prepareEvidence(fixtures.flatMap((f) => f.sources.map((x) => x.sentence)), options);
    console.log(`${set}: sources prepared in ${(performance.now() - prepStart).toFixed(0)} ms`);
    const times = fixtures.map((f) => {
      const t0 = performance.now();
      verifySentence(f.generated, f.sources.map((x) => x.sentence), options, [titles.get(f.sources[0]!.articleId) ?? ""]);
      return performance.now() - t0;
    }).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(`${set}: verify per sentence p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${times.length} sentences)`);
    continue;
  }
  const started = performance.now();
  const score = scoreFixtures(fixtures, options, titles);
  const ms = performance.now() - started;
  console.log(formatReport(set, score));
  console.log(`  ${fixtures.length} sentences in ${ms.toFixed(0)} ms (${(ms / fixtures.length).toFixed(2)} ms each, first use included)\n`);
  if (showFailures) {
    for (const r of score.results.filter((r) => r.correct === false)) {
      console.log(`${r.id} ${r.label}/${r.kind} → ${r.reason}${r.unsupported.length > 0 ? ` (${r.unsupported.join(", ")})` : ""}\n  G: ${r.generated}\n  S: ${r.sources.join(" | ")}\n`);
    }
  }
}
