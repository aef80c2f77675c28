/**
 * `npm run train:answers`: retrains the answerability model
 * (src/retrieve/answerability-weights.ts) and the sentence-selection model
 * (src/answer/selection-weights.ts) from the tuning suites of every clinic
 * corpus and the committed sentence labels. Deterministic; tests fail when
 * a committed model is out of date with the suites, labels, corpora or
 * features.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { trainAnswerability } from "../src/retrieve/answerability-train.js";
import { loadTrainingExamples, ROOT } from "./answer-training.js";
import { captureCases, loadLabels } from "./sentence-training.js";
import { fitSelectionModel } from "./selection-sweep.js";

const header = "// Written by `npm run train:answers`; do not edit by hand.\n";

async function main(): Promise<void> {
  const { examples, sources } = await loadTrainingExamples();
  const model = trainAnswerability(examples, sources);
  const file = path.join(ROOT, "src/retrieve/answerability-weights.ts");
  await writeFile(file, `${header}export default ${JSON.stringify(model, null, 1)};\n`);
  console.log(`${path.relative(ROOT, file)}: ${model.trainedOn.answerable} answerable and ${model.trainedOn.uncovered} uncovered questions, threshold ${model.threshold}`);
  console.log(Object.entries(model.weights).map(([k, v]) => `  ${k.padEnd(11)} ${v.toFixed(3)}`).join("\n"));

  const selection = fitSelectionModel(await captureCases(), await loadLabels());
  const selectionFile = path.join(ROOT, "src/answer/selection-weights.ts");
  await writeFile(selectionFile, `${header}export default ${JSON.stringify(selection, null, 1)};\n`);
  console.log(`${path.relative(ROOT, selectionFile)}: ${selection.trainedOn.positives} helpful and ${selection.trainedOn.negatives} unhelpful (weighted) sentences, floor ${selection.floor}, extra ${selection.extra} / ${selection.extraOtherArticle} (another article)`);
  console.log("  leave-one-clinic-out sweep, settings that keep the facts (extra / other article → unhelpful quoted, helpful quoted, facts, sentences per answer):");
  for (const r of selection.sweep.slice(0, 8)) console.log(`  ${r.extra.toFixed(2)} / ${r.extraOtherArticle.toFixed(2)} → ${r.negativesQuoted} ${r.positivesQuoted} ${r.facts} ${r.sentencesPerAnswer}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
