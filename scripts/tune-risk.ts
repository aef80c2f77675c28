/**
 * `npx tsx scripts/tune-risk.ts`: the evidence behind the word classifier's
 * `clear` threshold in corpus/defaults/safety/risk.yaml (product-wide, like the
 * model; the threshold at which it is an emergency detector). The learned risk
 * model's own thresholds are swept by `npm run train:risk -- --cv`. 5-fold cross-validation over the
 * classifier's training sets (fixtures and the tuning pool, never the held-out files): for each threshold, the share
 * of out-of-fold crisis phrasings the model alone flags, and the share of
 * out-of-fold ordinary, advice, off-topic and booking messages it flags.
 */
import path from "node:path";
import { crisisScore, trainCrisisModel } from "../src/route/classifier.js";
import { detectorTrainingSets } from "../src/route/risk-data.js";

const root = path.resolve(import.meta.dirname, "..");
const FOLDS = 5;
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];

const { crisis, other } = detectorTrainingSets(root);
const crisisScores: number[] = [];
const otherScores: number[] = [];
for (let k = 0; k < FOLDS; k++) {
  const inFold = (_: string, i: number) => i % FOLDS === k;
  const outFold = (_: string, i: number) => i % FOLDS !== k;
  const model = trainCrisisModel(crisis.filter(outFold), other.filter(outFold));
  crisisScores.push(...crisis.filter(inFold).map((t) => crisisScore(model, t)));
  otherScores.push(...other.filter(inFold).map((t) => crisisScore(model, t)));
}
const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}% (${n}/${of})`;
console.log("threshold  crisis flagged        non-crisis flagged");
for (const t of THRESHOLDS) {
  const hit = crisisScores.filter((s) => s >= t).length;
  const alarm = otherScores.filter((s) => s >= t).length;
  console.log(`${t.toFixed(2).padEnd(9)}  ${pct(hit, crisisScores.length).padEnd(20)}  ${pct(alarm, otherScores.length)}`);
}
