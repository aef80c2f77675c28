/**
 * `npm run train:safety`: retrains the crisis classifier
 * (<DEFAULTS_DIR>/safety/crisis-model.json, default corpus/defaults: the model
 * is product-wide, every clinic uses it) from the safety fixture sets and the
 * risk model's tuning pool (the blind tuning halves and the FAQ suites that are
 * not held out; src/route/risk-data.ts). Run it after adding phrasings to
 * test/fixtures/safety/, then `npm run train:risk`; training is deterministic, and a
 * test fails when the committed model is out of date with the fixtures.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { clinicPathsFromEnv, ConfigError } from "../src/config.js";
import { CRISIS_MODEL_FILE, trainCrisisModel } from "../src/route/classifier.js";
import { detectorTrainingSets } from "../src/route/risk-data.js";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const { crisis, other } = detectorTrainingSets(root);
  const model = trainCrisisModel(crisis, other);
  const { defaultsDir } = clinicPathsFromEnv(process.env, root);
  const file = path.join(defaultsDir, "safety", CRISIS_MODEL_FILE);
  if (!existsSync(path.dirname(file))) throw new ConfigError(`No safety folder at ${path.dirname(file)}. Fix: set DEFAULTS_DIR to the product-wide defaults folder (default corpus/defaults).`);
  await writeFile(file, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`${path.relative(root, file)}: trained on ${crisis.length} crisis and ${other.length} other phrasings, ${Object.keys(model.weights).length} weights`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
