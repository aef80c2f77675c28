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
  "coverBest": 0.589117,
  "coverUnion": 0.060067,
  "partMin": -0.677265,
  "offCorpus": -0.886978,
  "onCorpusCover": 0.944354,
  "typeAsked": -0.528491,
  "typeFound": 0.666502,
  "heading": 0.1088,
  "bm25": 0.888603,
  "margin": 0.396934,
  "topicTerms": 0.676481,
  "compounds": 0.091008
 },
 "bias": 1.115026,
 "scale": {
  "coverBest": {
   "mean": 0.688328,
   "std": 0.314388
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
   "mean": 0.65131,
   "std": 0.359677
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
   "mean": 0.349864,
   "std": 0.344823
  },
  "bm25": {
   "mean": 3.257959,
   "std": 1.101389
  },
  "margin": {
   "mean": 0.359052,
   "std": 0.294747
  },
  "topicTerms": {
   "mean": 1.53019,
   "std": 0.394975
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
