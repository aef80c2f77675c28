/**
 * `npm run train:answers`: retrains the answerability model
 * (src/retrieve/answerability-weights.ts) from the tuning suites of every
 * clinic corpus. Deterministic; a test fails when the committed model is out
 * of date with the suites, corpora or features.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { trainAnswerability } from "../src/retrieve/answerability-train.js";
import { loadTrainingExamples, ROOT } from "./answer-training.js";

async function main(): Promise<void> {
  const { examples, sources } = await loadTrainingExamples();
  const model = trainAnswerability(examples, sources);
  const file = path.join(ROOT, "src/retrieve/answerability-weights.ts");
  await writeFile(file, `// Written by \`npm run train:answers\`; do not edit by hand.\nexport default ${JSON.stringify(model, null, 1)};\n`);
  console.log(`${path.relative(ROOT, file)}: ${model.trainedOn.answerable} answerable and ${model.trainedOn.uncovered} uncovered questions, threshold ${model.threshold}`);
  console.log(Object.entries(model.weights).map(([k, v]) => `  ${k.padEnd(11)} ${v.toFixed(3)}`).join("\n"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
