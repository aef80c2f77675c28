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
  "heuristic": 0.108626,
  "own": 0.303622,
  "withContext": -0.145488,
  "withHeading": 0.538434,
  "coverage": -0.024203,
  "coverageRetrieval": 0.038935,
  "typedCoverage": 0.024033,
  "section": -0.268411,
  "faqHeading": -0.205282,
  "strongest": -0.115274,
  "focus": 0.193363,
  "gap": -0.32772,
  "typeAsked": -0.072349,
  "typed": 0.186162,
  "expansion": 0.241191,
  "compounds": 0.037325,
  "rank": -0.19684,
  "retrieval": 0.333226,
  "first": 0.030929,
  "length": 0.145911,
  "anaphora": -0.04579,
  "orphan": -0.079395,
  "multiPart": 0.017602
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
   "mean": 0.213489,
   "std": 0.40977
  },
  "length": {
   "mean": 2.744197,
   "std": 0.403131
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
  "bias": -0.730949
 },
 "floor": 0.6,
 "extra": 0.7,
 "extraOtherArticle": 0.95,
 "trainedOn": {
  "positives": 934,
  "negatives": 9741,
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
   "positivesQuoted": 0.3008,
   "precision": 0.4738,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.469
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 1,
   "negativesQuoted": 0.5923,
   "positivesQuoted": 0.2997,
   "precision": 0.4763,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.4469
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.95,
   "negativesQuoted": 0.6,
   "positivesQuoted": 0.3203,
   "precision": 0.4471,
   "facts": 0.6886,
   "sentencesPerAnswer": 2.7832
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 1,
   "negativesQuoted": 0.6,
   "positivesQuoted": 0.3192,
   "precision": 0.4491,
   "facts": 0.6886,
   "sentencesPerAnswer": 2.7611
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.95,
   "negativesQuoted": 0.6077,
   "positivesQuoted": 0.333,
   "precision": 0.424,
   "facts": 0.7105,
   "sentencesPerAnswer": 3.0487
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 1,
   "negativesQuoted": 0.6077,
   "positivesQuoted": 0.3318,
   "precision": 0.4256,
   "facts": 0.7105,
   "sentencesPerAnswer": 3.0265
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.9,
   "negativesQuoted": 0.6231,
   "positivesQuoted": 0.3123,
   "precision": 0.4747,
   "facts": 0.6667,
   "sentencesPerAnswer": 2.5575
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.9,
   "negativesQuoted": 0.6308,
   "positivesQuoted": 0.3318,
   "precision": 0.4516,
   "facts": 0.6886,
   "sentencesPerAnswer": 2.854
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.9,
   "negativesQuoted": 0.6385,
   "positivesQuoted": 0.3444,
   "precision": 0.4317,
   "facts": 0.7105,
   "sentencesPerAnswer": 3.0973
  },
  {
   "extra": 0.8,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6538,
   "positivesQuoted": 0.3192,
   "precision": 0.5018,
   "facts": 0.6711,
   "sentencesPerAnswer": 2.4735
  },
  {
   "extra": 0.75,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6692,
   "positivesQuoted": 0.3146,
   "precision": 0.4884,
   "facts": 0.6754,
   "sentencesPerAnswer": 2.5044
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3421,
   "precision": 0.4536,
   "facts": 0.7018,
   "sentencesPerAnswer": 2.9292
  },
  {
   "extra": 0.75,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3318,
   "precision": 0.4809,
   "facts": 0.6886,
   "sentencesPerAnswer": 2.6814
  },
  {
   "extra": 0.75,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3238,
   "precision": 0.4896,
   "facts": 0.6842,
   "sentencesPerAnswer": 2.5708
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6769,
   "positivesQuoted": 0.3203,
   "precision": 0.4721,
   "facts": 0.6798,
   "sentencesPerAnswer": 2.6372
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.85,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.3536,
   "precision": 0.435,
   "facts": 0.7237,
   "sentencesPerAnswer": 3.1549
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.3479,
   "precision": 0.455,
   "facts": 0.7105,
   "sentencesPerAnswer": 2.969
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.3375,
   "precision": 0.4674,
   "facts": 0.693,
   "sentencesPerAnswer": 2.8053
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6846,
   "positivesQuoted": 0.3295,
   "precision": 0.4736,
   "facts": 0.6886,
   "sentencesPerAnswer": 2.7035
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.8,
   "negativesQuoted": 0.6923,
   "positivesQuoted": 0.3594,
   "precision": 0.4378,
   "facts": 0.7325,
   "sentencesPerAnswer": 3.1858
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.6923,
   "positivesQuoted": 0.3548,
   "precision": 0.4511,
   "facts": 0.7149,
   "sentencesPerAnswer": 3.0531
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.75,
   "negativesQuoted": 0.7,
   "positivesQuoted": 0.3662,
   "precision": 0.4364,
   "facts": 0.7368,
   "sentencesPerAnswer": 3.2566
  },
  {
   "extra": 0.7,
   "extraOtherArticle": 0.7,
   "negativesQuoted": 0.7,
   "positivesQuoted": 0.3502,
   "precision": 0.4656,
   "facts": 0.7018,
   "sentencesPerAnswer": 2.9204
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.7,
   "negativesQuoted": 0.7077,
   "positivesQuoted": 0.3628,
   "precision": 0.4527,
   "facts": 0.7105,
   "sentencesPerAnswer": 3.1106
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.7,
   "negativesQuoted": 0.7154,
   "positivesQuoted": 0.3743,
   "precision": 0.4388,
   "facts": 0.7325,
   "sentencesPerAnswer": 3.3097
  },
  {
   "extra": 0.6,
   "extraOtherArticle": 0.6,
   "negativesQuoted": 0.7154,
   "positivesQuoted": 0.3662,
   "precision": 0.4443,
   "facts": 0.7105,
   "sentencesPerAnswer": 3.1991
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.6,
   "negativesQuoted": 0.7231,
   "positivesQuoted": 0.3766,
   "precision": 0.4316,
   "facts": 0.7281,
   "sentencesPerAnswer": 3.385
  },
  {
   "extra": 0.5,
   "extraOtherArticle": 0.5,
   "negativesQuoted": 0.7385,
   "positivesQuoted": 0.3766,
   "precision": 0.4184,
   "facts": 0.7281,
   "sentencesPerAnswer": 3.4912
  }
 ]
};
