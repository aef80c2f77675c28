// Written by `npm run train:answers`; do not edit by hand.
export default {
 "kind": "logistic-regression/sentence-selection",
 "features": [
  "heuristic",
  "own",
  "withContext",
  "withHeading",
  "coverage",
  "coverageRetrieval",
  "typedCoverage",
  "section",
  "faqHeading",
  "strongest",
  "focus",
  "gap",
  "typeAsked",
  "typed",
  "expansion",
  "compounds",
  "rank",
  "retrieval",
  "first",
  "length",
  "anaphora",
  "orphan",
  "multiPart"
 ],
 "weights": {
  "heuristic": 0.109458,
  "own": 0.303721,
  "withContext": -0.146001,
  "withHeading": 0.53659,
  "coverage": -0.024954,
  "coverageRetrieval": 0.041264,
  "typedCoverage": 0.02315,
  "section": -0.267131,
  "faqHeading": -0.203892,
  "strongest": -0.11346,
  "focus": 0.194439,
  "gap": -0.327214,
  "typeAsked": -0.072928,
  "typed": 0.18645,
  "expansion": 0.240148,
  "compounds": 0.03654,
  "rank": -0.197359,
  "retrieval": 0.332297,
  "first": 0.028505,
  "length": 0.14691,
  "anaphora": -0.046622,
  "orphan": -0.078662,
  "multiPart": 0.017357
 },
 "scale": {
  "heuristic": {
   "mean": 0.258975,
   "std": 0.319589
  },
  "own": {
   "mean": 0.167158,
   "std": 0.274997
  },
  "withContext": {
   "mean": 0.193903,
   "std": 0.294136
  },
  "withHeading": {
   "mean": 0.313482,
   "std": 0.337107
  },
  "coverage": {
   "mean": 0.268808,
   "std": 0.308665
  },
  "coverageRetrieval": {
   "mean": 0.125755,
   "std": 0.21912
  },
  "typedCoverage": {
   "mean": 0.021826,
   "std": 0.119626
  },
  "section": {
   "mean": 0.22493,
   "std": 0.296886
  },
  "faqHeading": {
   "mean": 0.169649,
   "std": 0.375324
  },
  "strongest": {
   "mean": 0.17422,
   "std": 0.36713
  },
  "focus": {
   "mean": 0.073939,
   "std": 0.09527
  },
  "gap": {
   "mean": 0.526645,
   "std": 0.331812
  },
  "typeAsked": {
   "mean": 0.324965,
   "std": 0.468362
  },
  "typed": {
   "mean": 0.069789,
   "std": 0.254791
  },
  "expansion": {
   "mean": 0.131522,
   "std": 0.282734
  },
  "compounds": {
   "mean": 0.045433,
   "std": 0.200563
  },
  "rank": {
   "mean": 1.472478,
   "std": 0.709752
  },
  "retrieval": {
   "mean": 0.345424,
   "std": 0.330633
  },
  "first": {
   "mean": 0.214801,
   "std": 0.410684
  },
  "length": {
   "mean": 2.744264,
   "std": 0.403164
  },
  "anaphora": {
   "mean": 0.187728,
   "std": 0.390495
  },
  "orphan": {
   "mean": 0.01452,
   "std": 0.119621
  },
  "multiPart": {
   "mean": 0.109789,
   "std": 0.312627
  }
 },
 "calibration": {
  "score": 1,
  "gap": 0,
  "bias": -0.731443
 },
 "floor": 0.6,
 "extra": 0.7,
 "extraOtherArticle": 0.95,
 "trainedOn": {
  "positives": 935,
  "negatives": 9740,
  "sources": {
   "evals/derm/blind-derm-tuning.yaml": 1809,
   "evals/ketamine-pain/blind-ketamine-tuning.yaml": 2850,
   "evals/ketamine-pain/clinic-faq.yaml": 2170,
   "evals/ketamine-pain/regressions.yaml": 2172,
   "evals/physio/blind-physio-tuning.yaml": 1674
  }
 },
 "sweep": [
  {
   "extra": 0.7,
   "extraOtherArticle": 0.95,
   "negativesQuoted": 0.5923,
   "positivesQuoted": 0.3042,
   "precision": 0.4775,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.4888
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 1,
   "negativesQuoted": 0.5923,
   "positivesQuoted": 0.302,
   "precision": 0.4791,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.4619
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.95,
   "negativesQuoted": 0.6,
   "positivesQuoted": 0.3215,
   "precision": 0.4502,
   "facts": 0.6889,
   "sentencesPerAnswer": 2.7892
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 1,
   "negativesQuoted": 0.6,
   "positivesQuoted": 0.3192,
   "precision": 0.4506,
   "facts": 0.6889,
   "sentencesPerAnswer": 2.7668
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.95,
   "negativesQuoted": 0.6077,
   "positivesQuoted": 0.3352,
   "precision": 0.4257,
   "facts": 0.7111,
   "sentencesPerAnswer": 3.0762
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 1,
   "negativesQuoted": 0.6077,
   "positivesQuoted": 0.333,
   "precision": 0.4258,
   "facts": 0.7111,
   "sentencesPerAnswer": 3.0538
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.9,
   "negativesQuoted": 0.6231,
   "positivesQuoted": 0.3146,
   "precision": 0.4774,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.574
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.9,
   "negativesQuoted": 0.6308,
   "positivesQuoted": 0.3318,
   "precision": 0.453,
   "facts": 0.6889,
   "sentencesPerAnswer": 2.861
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.9,
   "negativesQuoted": 0.6385,
   "positivesQuoted": 0.3456,
   "precision": 0.4319,
   "facts": 0.7111,
   "sentencesPerAnswer": 3.1256
  },
  {
   "extra": 0.8,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6385,
   "positivesQuoted": 0.3111,
   "precision": 0.5065,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.3991
  },
  {
   "extra": 0.8,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6462,
   "positivesQuoted": 0.3226,
   "precision": 0.5063,
   "facts": 0.6756,
   "sentencesPerAnswer": 2.4888
  },
  {
   "extra": 0.75,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6692,
   "positivesQuoted": 0.3157,
   "precision": 0.4928,
   "facts": 0.68,
   "sentencesPerAnswer": 2.5022
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3421,
   "precision": 0.455,
   "facts": 0.7022,
   "sentencesPerAnswer": 2.9372
  },
  {
   "extra": 0.75,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3341,
   "precision": 0.4842,
   "facts": 0.6933,
   "sentencesPerAnswer": 2.6951
  },
  {
   "extra": 0.75,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3272,
   "precision": 0.4948,
   "facts": 0.6889,
   "sentencesPerAnswer": 2.583
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3226,
   "precision": 0.4747,
   "facts": 0.68,
   "sentencesPerAnswer": 2.6547
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.3548,
   "precision": 0.4364,
   "facts": 0.7244,
   "sentencesPerAnswer": 3.1749
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.349,
   "precision": 0.4578,
   "facts": 0.7111,
   "sentencesPerAnswer": 2.9776
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.3398,
   "precision": 0.4698,
   "facts": 0.6933,
   "sentencesPerAnswer": 2.8251
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.333,
   "precision": 0.4778,
   "facts": 0.6889,
   "sentencesPerAnswer": 2.722
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6923,
   "positivesQuoted": 0.3617,
   "precision": 0.4406,
   "facts": 0.7333,
   "sentencesPerAnswer": 3.2063
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.6923,
   "positivesQuoted": 0.3548,
   "precision": 0.4524,
   "facts": 0.7156,
   "sentencesPerAnswer": 3.0628
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.7,
   "positivesQuoted": 0.3674,
   "precision": 0.4378,
   "facts": 0.7378,
   "sentencesPerAnswer": 3.278
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.7,
   "negativesQuoted": 0.7,
   "positivesQuoted": 0.3525,
   "precision": 0.4694,
   "facts": 0.7022,
   "sentencesPerAnswer": 2.9327
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.7,
   "negativesQuoted": 0.7077,
   "positivesQuoted": 0.3628,
   "precision": 0.4547,
   "facts": 0.7111,
   "sentencesPerAnswer": 3.1166
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.7,
   "negativesQuoted": 0.7154,
   "positivesQuoted": 0.3754,
   "precision": 0.4407,
   "facts": 0.7333,
   "sentencesPerAnswer": 3.3274
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.6,
   "negativesQuoted": 0.7154,
   "positivesQuoted": 0.3662,
   "precision": 0.4455,
   "facts": 0.7111,
   "sentencesPerAnswer": 3.2108
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.6,
   "negativesQuoted": 0.7231,
   "positivesQuoted": 0.3777,
   "precision": 0.4329,
   "facts": 0.7289,
   "sentencesPerAnswer": 3.4081
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.5,
   "negativesQuoted": 0.7385,
   "positivesQuoted": 0.3777,
   "precision": 0.4196,
   "facts": 0.7289,
   "sentencesPerAnswer": 3.5157
  }
 ]
};
