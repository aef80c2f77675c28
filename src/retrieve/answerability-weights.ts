// Written by `npm run train:answers`; do not edit by hand.
export default {
 "kind": "logistic-regression/answerability",
 "features": [
  "coverBest",
  "coverUnion",
  "partMin",
  "offCorpus",
  "onCorpusCover",
  "typeAsked",
  "typeFound",
  "heading",
  "bm25",
  "margin",
  "topicTerms",
  "compounds"
 ],
 "weights": {
  "coverBest": 0.61764,
  "coverUnion": 0.04319,
  "partMin": -0.684001,
  "offCorpus": -0.876611,
  "onCorpusCover": 0.95846,
  "typeAsked": -0.571711,
  "typeFound": 0.716248,
  "heading": 0.097477,
  "bm25": 0.862746,
  "margin": 0.432029,
  "topicTerms": 0.687922,
  "compounds": 0.080953
 },
 "bias": 1.134049,
 "scale": {
  "coverBest": {
   "mean": 0.689004,
   "std": 0.313829
  },
  "coverUnion": {
   "mean": 0.721589,
   "std": 0.315281
  },
  "partMin": {
   "mean": 0.73195,
   "std": 0.332581
  },
  "offCorpus": {
   "mean": 0.151236,
   "std": 0.288474
  },
  "onCorpusCover": {
   "mean": 0.652531,
   "std": 0.358265
  },
  "typeAsked": {
   "mean": 0.303406,
   "std": 0.459729
  },
  "typeFound": {
   "mean": 0.241486,
   "std": 0.427984
  },
  "heading": {
   "mean": 0.359174,
   "std": 0.347255
  },
  "bm25": {
   "mean": 3.300697,
   "std": 1.129433
  },
  "margin": {
   "mean": 0.35959,
   "std": 0.293273
  },
  "topicTerms": {
   "mean": 1.53108,
   "std": 0.394324
  },
  "compounds": {
   "mean": 0.935501,
   "std": 0.232881
  }
 },
 "threshold": 0.43,
 "trainedOn": {
  "answerable": 253,
  "uncovered": 70,
  "sources": {
   "evals/ketamine-pain/blind-ketamine-tuning.yaml": 86,
   "evals/ketamine-pain/clinic-faq.yaml": 62,
   "evals/ketamine-pain/regressions.yaml": 60,
   "evals/physio/blind-physio-tuning.yaml": 54,
   "evals/derm/blind-derm-tuning.yaml": 61
  }
 }
};
