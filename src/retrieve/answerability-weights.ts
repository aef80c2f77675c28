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
  "coverBest": 0.57534,
  "coverUnion": 0.0717,
  "partMin": -0.672831,
  "offCorpus": -0.850132,
  "onCorpusCover": 0.916784,
  "typeAsked": -0.539018,
  "typeFound": 0.74194,
  "heading": 0.121046,
  "bm25": 0.867094,
  "margin": 0.373424,
  "topicTerms": 0.647716,
  "compounds": 0.06961
 },
 "bias": 1.106376,
 "scale": {
  "coverBest": {
   "mean": 0.685334,
   "std": 0.314568
  },
  "coverUnion": {
   "mean": 0.718513,
   "std": 0.317645
  },
  "partMin": {
   "mean": 0.723333,
   "std": 0.341602
  },
  "offCorpus": {
   "mean": 0.154096,
   "std": 0.290605
  },
  "onCorpusCover": {
   "mean": 0.647665,
   "std": 0.360345
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
   "mean": 0.348889,
   "std": 0.343057
  },
  "bm25": {
   "mean": 3.252266,
   "std": 1.101247
  },
  "margin": {
   "mean": 0.355968,
   "std": 0.293708
  },
  "topicTerms": {
   "mean": 1.53019,
   "std": 0.394975
  },
  "compounds": {
   "mean": 0.932405,
   "std": 0.23858
  }
 },
 "threshold": 0.45,
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
