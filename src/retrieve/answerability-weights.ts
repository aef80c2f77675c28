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
  "coverBest": 0.61045,
  "coverUnion": 0.046706,
  "partMin": -0.680163,
  "offCorpus": -0.878555,
  "onCorpusCover": 0.957003,
  "typeAsked": -0.558732,
  "typeFound": 0.704738,
  "heading": 0.09467,
  "bm25": 0.864054,
  "margin": 0.43717,
  "topicTerms": 0.682582,
  "compounds": 0.083184
 },
 "bias": 1.133267,
 "scale": {
  "coverBest": {
   "mean": 0.688766,
   "std": 0.31368
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
   "mean": 0.652293,
   "std": 0.35811
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
   "mean": 0.359412,
   "std": 0.347087
  },
  "bm25": {
   "mean": 3.299508,
   "std": 1.129146
  },
  "margin": {
   "mean": 0.359428,
   "std": 0.292993
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
 "threshold": 0.44,
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
