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
  "coverBest": 0.579989,
  "coverUnion": 0.070135,
  "partMin": -0.674283,
  "offCorpus": -0.885817,
  "onCorpusCover": 0.932958,
  "typeAsked": -0.552454,
  "typeFound": 0.709365,
  "heading": 0.125226,
  "bm25": 0.881856,
  "margin": 0.393053,
  "topicTerms": 0.67932,
  "compounds": 0.064897
 },
 "bias": 1.114837,
 "scale": {
  "coverBest": {
   "mean": 0.687497,
   "std": 0.314322
  },
  "coverUnion": {
   "mean": 0.720676,
   "std": 0.317176
  },
  "partMin": {
   "mean": 0.731265,
   "std": 0.334813
  },
  "offCorpus": {
   "mean": 0.151933,
   "std": 0.28914
  },
  "onCorpusCover": {
   "mean": 0.650479,
   "std": 0.359535
  },
  "typeAsked": {
   "mean": 0.303406,
   "std": 0.459729
  },
  "typeFound": {
   "mean": 0.244582,
   "std": 0.429839
  },
  "heading": {
   "mean": 0.350945,
   "std": 0.344752
  },
  "bm25": {
   "mean": 3.256964,
   "std": 1.101422
  },
  "margin": {
   "mean": 0.357262,
   "std": 0.293575
  },
  "topicTerms": {
   "mean": 1.53108,
   "std": 0.394324
  },
  "compounds": {
   "mean": 0.932405,
   "std": 0.23858
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
