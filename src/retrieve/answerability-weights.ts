// Written by `npm run train:answers`; do not edit by hand.
export default {
 "kind": "logistic-regression/answerability",
 "features": [
  "coverBest",
  "coverUnion",
  "partMin",
  "offCorpus",
  "anchor",
  "typeAsked",
  "typeFound",
  "heading",
  "bm25",
  "margin",
  "topicTerms",
  "compounds"
 ],
 "weights": {
  "coverBest": 1.060496,
  "coverUnion": 0.250114,
  "partMin": -0.585691,
  "offCorpus": -1.101783,
  "anchor": -0.096552,
  "typeAsked": -0.552952,
  "typeFound": 0.729325,
  "heading": 0.168182,
  "bm25": 0.864297,
  "margin": 0.359923,
  "topicTerms": 0.593461,
  "compounds": 0.080304
 },
 "bias": 1.014529,
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
  "anchor": {
   "mean": 0.697214,
   "std": 0.440755
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
 "threshold": 0.49,
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
