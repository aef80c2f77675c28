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
  "coverBest": 0.947495,
  "coverUnion": 0.290845,
  "partMin": -0.608664,
  "offCorpus": -1.11044,
  "anchor": -0.083531,
  "typeAsked": -0.560646,
  "typeFound": 0.661922,
  "heading": 0.241838,
  "bm25": 0.87735,
  "margin": 0.370082,
  "topicTerms": 0.546942,
  "compounds": 0.073013
 },
 "bias": 0.974744,
 "scale": {
  "coverBest": {
   "mean": 0.686661,
   "std": 0.316288
  },
  "coverUnion": {
   "mean": 0.718172,
   "std": 0.320437
  },
  "partMin": {
   "mean": 0.721277,
   "std": 0.343817
  },
  "offCorpus": {
   "mean": 0.155591,
   "std": 0.292535
  },
  "anchor": {
   "mean": 0.692453,
   "std": 0.445388
  },
  "typeAsked": {
   "mean": 0.305031,
   "std": 0.460421
  },
  "typeFound": {
   "mean": 0.245283,
   "std": 0.430255
  },
  "heading": {
   "mean": 0.351298,
   "std": 0.343993
  },
  "bm25": {
   "mean": 3.247487,
   "std": 1.108009
  },
  "margin": {
   "mean": 0.354779,
   "std": 0.29414
  },
  "topicTerms": {
   "mean": 1.519802,
   "std": 0.387002
  },
  "compounds": {
   "mean": 0.934486,
   "std": 0.234563
  }
 },
 "threshold": 0.76,
 "trainedOn": {
  "answerable": 248,
  "uncovered": 70,
  "sources": {
   "evals/ketamine-pain/blind-ketamine-tuning.yaml": 86,
   "evals/ketamine-pain/clinic-faq.yaml": 62,
   "evals/ketamine-pain/regressions.yaml": 60,
   "evals/physio/blind-physio-tuning.yaml": 52,
   "evals/derm/blind-derm-tuning.yaml": 58
  }
 }
};
