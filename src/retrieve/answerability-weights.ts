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
  "coverBest": 0.713054,
  "coverUnion": 0.014827,
  "partMin": -0.746364,
  "offCorpus": -0.943128,
  "onCorpusCover": 0.979812,
  "typeAsked": -0.569251,
  "typeFound": 0.695186,
  "heading": 0.110276,
  "bm25": 0.767275,
  "margin": 0.353258,
  "topicTerms": 0.728477,
  "compounds": 0.067271
 },
 "bias": 1.098478,
 "scale": {
  "coverBest": {
   "mean": 0.694449,
   "std": 0.310847
  },
  "coverUnion": {
   "mean": 0.724878,
   "std": 0.314217
  },
  "partMin": {
   "mean": 0.733824,
   "std": 0.332461
  },
  "offCorpus": {
   "mean": 0.150372,
   "std": 0.28703
  },
  "onCorpusCover": {
   "mean": 0.657042,
   "std": 0.356876
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
   "mean": 0.359388,
   "std": 0.34794
  },
  "bm25": {
   "mean": 3.214748,
   "std": 1.118718
  },
  "margin": {
   "mean": 0.363606,
   "std": 0.295737
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
