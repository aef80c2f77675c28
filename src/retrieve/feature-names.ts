/** The answerability signals, in the order the model stores them. */
export const FEATURE_NAMES_LIST = ["coverBest", "coverUnion", "partMin", "offCorpus", "onCorpusCover", "typeAsked", "typeFound", "heading", "bm25", "margin", "topicTerms", "compounds"] as const;
