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
  "coverBest": 0.953023,
  "coverUnion": 0.285361,
  "partMin": -0.601632,
  "offCorpus": -1.108659,
  "anchor": -0.087296,
  "typeAsked": -0.563538,
  "typeFound": 0.66908,
  "heading": 0.244768,
  "bm25": 0.867574,
  "margin": 0.388651,
  "topicTerms": 0.590158,
  "compounds": 0.071056
 },
 "bias": 0.991789,
 "scale": {
  "coverBest": {
   "mean": 0.684973,
   "std": 0.314893
  },
  "coverUnion": {
   "mean": 0.717281,
   "std": 0.318743
  },
  "partMin": {
   "mean": 0.722212,
   "std": 0.342476
  },
  "offCorpus": {
   "mean": 0.154566,
   "std": 0.291228
  },
  "anchor": {
   "mean": 0.694118,
   "std": 0.444919
  },
  "typeAsked": {
   "mean": 0.306502,
   "std": 0.461041
  },
  "typeFound": {
   "mean": 0.247678,
   "std": 0.431664
  },
  "heading": {
   "mean": 0.348492,
   "std": 0.343274
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
