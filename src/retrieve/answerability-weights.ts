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
  "coverBest": 0.92745,
  "coverUnion": 0.296325,
  "partMin": -0.615029,
  "offCorpus": -1.142364,
  "anchor": -0.099583,
  "typeAsked": -0.563844,
  "typeFound": 0.657888,
  "heading": 0.235685,
  "bm25": 0.875731,
  "margin": 0.363228,
  "topicTerms": 0.53836,
  "compounds": 0.076149
 },
 "bias": 0.96844,
 "scale": {
  "coverBest": {
   "mean": 0.685074,
   "std": 0.317312
  },
  "coverUnion": {
   "mean": 0.716543,
   "std": 0.320772
  },
  "partMin": {
   "mean": 0.71962,
   "std": 0.344171
  },
  "offCorpus": {
   "mean": 0.155634,
   "std": 0.292632
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
   "mean": 0.351012,
   "std": 0.344025
  },
  "bm25": {
   "mean": 3.243015,
   "std": 1.109917
  },
  "margin": {
   "mean": 0.352807,
   "std": 0.292592
  },
  "topicTerms": {
   "mean": 1.520287,
   "std": 0.387439
  },
  "compounds": {
   "mean": 0.934486,
   "std": 0.234563
  }
 },
 "threshold": 0.5,
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
