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
  "coverBest": 0.713734,
  "coverUnion": 0.014493,
  "partMin": -0.739512,
  "offCorpus": -0.935886,
  "onCorpusCover": 0.979366,
  "typeAsked": -0.568498,
  "typeFound": 0.695313,
  "heading": 0.111571,
  "bm25": 0.768708,
  "margin": 0.355145,
  "topicTerms": 0.728051,
  "compounds": 0.066338
 },
 "bias": 1.101171,
 "scale": {
  "coverBest": {
   "mean": 0.695004,
   "std": 0.310532
  },
  "coverUnion": {
   "mean": 0.725275,
   "std": 0.31407
  },
  "partMin": {
   "mean": 0.734406,
   "std": 0.332081
  },
  "offCorpus": {
   "mean": 0.150372,
   "std": 0.28703
  },
  "onCorpusCover": {
   "mean": 0.657597,
   "std": 0.35666
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
   "mean": 0.359746,
   "std": 0.347894
  },
  "bm25": {
   "mean": 3.219489,
   "std": 1.122816
  },
  "margin": {
   "mean": 0.363744,
   "std": 0.295827
  },
  "topicTerms": {
   "mean": 1.5329,
   "std": 0.394747
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
