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
  "coverBest": 0.881966,
  "coverUnion": 0.296776,
  "partMin": -0.705369,
  "offCorpus": -1.108345,
  "anchor": 0.019138,
  "typeAsked": -0.597277,
  "typeFound": 0.604676,
  "heading": 0.259907,
  "bm25": 0.794953,
  "margin": 0.187823,
  "topicTerms": 0.408456,
  "compounds": 0.151551
 },
 "bias": 0.88992,
 "scale": {
  "coverBest": {
   "mean": 0.683846,
   "std": 0.313587
  },
  "coverUnion": {
   "mean": 0.714379,
   "std": 0.316892
  },
  "partMin": {
   "mean": 0.714944,
   "std": 0.342185
  },
  "offCorpus": {
   "mean": 0.157054,
   "std": 0.292582
  },
  "anchor": {
   "mean": 0.686349,
   "std": 0.447821
  },
  "typeAsked": {
   "mean": 0.298413,
   "std": 0.457562
  },
  "typeFound": {
   "mean": 0.24127,
   "std": 0.427854
  },
  "heading": {
   "mean": 0.349928,
   "std": 0.344026
  },
  "bm25": {
   "mean": 3.203692,
   "std": 1.117945
  },
  "margin": {
   "mean": 0.351045,
   "std": 0.294936
  },
  "topicTerms": {
   "mean": 1.518054,
   "std": 0.38436
  },
  "compounds": {
   "mean": 0.933862,
   "std": 0.235589
  }
 },
 "threshold": 0.41,
 "trainedOn": {
  "answerable": 245,
  "uncovered": 70,
  "sources": {
   "evals/blind-ketamine-tuning.yaml": 86,
   "evals/clinic-faq.yaml": 62,
   "evals/regressions.yaml": 60,
   "evals/physio/blind-physio-tuning.yaml": 50,
   "evals/derm/blind-derm-tuning.yaml": 57
  }
 }
};
