/**
 * `npm run train:safety`: retrains the crisis classifier
 * (corpus/safety/crisis-model.json) from the safety fixture sets. Run it after
 * adding phrasings to test/fixtures/safety/; training is deterministic, and a
 * test fails when the committed model is out of date with the fixtures.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { CRISIS_MODEL_FILE, trainCrisisModel } from "../src/route/classifier.js";
import { readTrainingSets } from "../src/route/training-data.js";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const { crisis, other } = readTrainingSets(path.join(root, "test/fixtures/safety"));
  const model = trainCrisisModel(crisis, other);
  const file = path.join(root, "corpus/safety", CRISIS_MODEL_FILE);
  await writeFile(file, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`${path.relative(root, file)}: trained on ${crisis.length} crisis and ${other.length} other phrasings, ${Object.keys(model.weights).length} weights`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
