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
  "coverBest": 0.951058,
  "coverUnion": 0.289494,
  "partMin": -0.605172,
  "offCorpus": -1.107349,
  "anchor": -0.085746,
  "typeAsked": -0.562408,
  "typeFound": 0.659057,
  "heading": 0.239492,
  "bm25": 0.877757,
  "margin": 0.368718,
  "topicTerms": 0.553561,
  "compounds": 0.07356
 },
 "bias": 0.982211,
 "scale": {
  "coverBest": {
   "mean": 0.687942,
   "std": 0.314656
  },
  "coverUnion": {
   "mean": 0.719378,
   "std": 0.318795
  },
  "partMin": {
   "mean": 0.723119,
   "std": 0.342991
  },
  "offCorpus": {
   "mean": 0.154619,
   "std": 0.291877
  },
  "anchor": {
   "mean": 0.694375,
   "std": 0.444655
  },
  "typeAsked": {
   "mean": 0.303125,
   "std": 0.459609
  },
  "typeFound": {
   "mean": 0.24375,
   "std": 0.429344
  },
  "heading": {
   "mean": 0.350885,
   "std": 0.343888
  },
  "bm25": {
   "mean": 3.250634,
   "std": 1.105203
  },
  "margin": {
   "mean": 0.354149,
   "std": 0.293556
  },
  "topicTerms": {
   "mean": 1.522458,
   "std": 0.388339
  },
  "compounds": {
   "mean": 0.934896,
   "std": 0.233885
  }
 },
 "threshold": 0.49,
 "trainedOn": {
  "answerable": 250,
  "uncovered": 70,
  "sources": {
   "evals/ketamine-pain/blind-ketamine-tuning.yaml": 85,
   "evals/ketamine-pain/clinic-faq.yaml": 62,
   "evals/ketamine-pain/regressions.yaml": 60,
   "evals/physio/blind-physio-tuning.yaml": 53,
   "evals/derm/blind-derm-tuning.yaml": 60
  }
 }
};
