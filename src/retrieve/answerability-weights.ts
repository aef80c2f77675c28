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
  "topicTerms"
 ],
 "weights": {
  "coverBest": 1.121579,
  "coverUnion": 0.116978,
  "partMin": -0.814252,
  "offCorpus": -1.246035,
  "anchor": -0.076348,
  "typeAsked": -0.62732,
  "typeFound": 0.470738,
  "heading": 0.255753,
  "bm25": 0.902789,
  "margin": 0.155797,
  "topicTerms": 0.435268
 },
 "bias": 0.922975,
 "scale": {
  "coverBest": {
   "mean": 0.675775,
   "std": 0.308714
  },
  "coverUnion": {
   "mean": 0.71106,
   "std": 0.317649
  },
  "partMin": {
   "mean": 0.714012,
   "std": 0.3486
  },
  "offCorpus": {
   "mean": 0.155623,
   "std": 0.286125
  },
  "anchor": {
   "mean": 0.679365,
   "std": 0.4501
  },
  "typeAsked": {
   "mean": 0.247619,
   "std": 0.431629
  },
  "typeFound": {
   "mean": 0.190476,
   "std": 0.392677
  },
  "heading": {
   "mean": 0.33175,
   "std": 0.337735
  },
  "bm25": {
   "mean": 3.247603,
   "std": 1.097869
  },
  "margin": {
   "mean": 0.361558,
   "std": 0.295293
  },
  "topicTerms": {
   "mean": 1.522405,
   "std": 0.386845
  }
 },
 "threshold": 0.46,
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
