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
  "coverBest": 0.691544,
  "coverUnion": -0.005099,
  "partMin": -0.702461,
  "offCorpus": -0.893115,
  "onCorpusCover": 0.996778,
  "typeAsked": -0.553597,
  "typeFound": 0.714251,
  "heading": 0.110951,
  "bm25": 0.742699,
  "margin": 0.343802,
  "topicTerms": 0.711362,
  "compounds": 0.071288
 },
 "bias": 1.085835,
 "scale": {
  "coverBest": {
   "mean": 0.694506,
   "std": 0.31176
  },
  "coverUnion": {
   "mean": 0.724722,
   "std": 0.315152
  },
  "partMin": {
   "mean": 0.734972,
   "std": 0.331739
  },
  "offCorpus": {
   "mean": 0.151236,
   "std": 0.288474
  },
  "onCorpusCover": {
   "mean": 0.65734,
   "std": 0.357846
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
   "mean": 0.360382,
   "std": 0.348387
  },
  "bm25": {
   "mean": 3.215705,
   "std": 1.124539
  },
  "margin": {
   "mean": 0.362794,
   "std": 0.295718
  },
  "topicTerms": {
   "mean": 1.53108,
   "std": 0.394324
  },
  "compounds": {
   "mean": 0.937049,
   "std": 0.228273
  }
 },
 "threshold": 0.41,
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
