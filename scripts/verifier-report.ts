/**
 * Per-kind accept/reject figures of the claim verifier on the red-team
 * fixture sets (test/fixtures/verifier/*.jsonl): each generated sentence is
 * checked against the source sentences it cites.
 *
 *   npm run verifier-report                 # both halves
 *   npx tsx scripts/verifier-report.ts --set tuning --show-failures
 */
import path from "node:path";
import { loadLexicon } from "../src/retrieve/lexicon.js";
import { installedWordNet } from "../src/answer/claims/wordnet-files.js";
import { verifierResources } from "../src/answer/claims/resources.js";
import { loadVerifierFixtures, scoreFixtures, formatReport } from "../src/answer/claims/fixtures.js";
import { DEFAULT_VERIFY } from "../src/answer/verify.js";
import { loadArticles } from "../src/ingest/load-articles.js";

const args = process.argv.slice(2);
const sets = args.includes("--set") ? [args[args.indexOf("--set") + 1]!] : ["tuning", "heldout"];
const showFailures = args.includes("--show-failures");
const root = path.resolve(import.meta.dirname, "..");
const lexicon = await loadLexicon(path.join(root, "corpus", "lexicon.yaml"));
const options = { ...DEFAULT_VERIFY, resources: verifierResources(lexicon, installedWordNet()) };
const titles = new Map((await loadArticles(path.join(root, "corpus", "articles"))).map((a) => [a.id, a.title]));
for (const set of sets) {
  const fixtures = await loadVerifierFixtures(path.join(root, "test", "fixtures", "verifier", `${set}.jsonl`));
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
