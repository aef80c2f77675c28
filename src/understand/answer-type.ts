/**
 * The kind of answer a question asks for, read from its grammar (question
 * words, auxiliaries, a few closed-class cue words) — never from topic words,
 * so it works unchanged for any clinic. Answerability and sentence choice both
 * use it: "how long…" is answered by a sentence that states a duration.
 */
export type AnswerType =
  | "duration"
  | "count"
  | "frequency"
  | "cost"
  | "yes_no"
  | "list"
  | "reason"
  | "procedure"
  | "comparison"
  | "definition"
  | "other";

/** Types answered by a figure: a duration, a count, a frequency or a cost. */
export const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set(["duration", "count", "frequency", "cost"]);

const RULES: Array<[AnswerType, RegExp]> = [
  ["cost", /\bhow much (?:does|do|is|will|would|are|did)\b(?!.{0,40}\b(?:time|hurt|pain|help)\b)|\b(?:cost|costs|price|prices|pricing|fee|fees|afford|insurance|covered by|out of pocket|pay)\b/],
  ["duration", /\bhow (?:long|soon|quickly|fast)\b|\bhow much time\b|\bwhen (?:will|would|do|does|can|should) (?:i|you|it|we|they)\b.{0,40}\b(?:notice|feel|see|start|return|go back|get back|drive|work)\b|\bduration\b|\blength of\b/],
  ["frequency", /\bhow (?:often|frequently)\b|\bhow many times\b|\bfrequency\b/],
  ["count", /\bhow many\b|\bnumber of\b/],
  ["comparison", /\b(?:versus|vs\.?|compared? (?:to|with)|better than|worse than|difference between|differ from|or is it better|instead of|rather than)\b/],
  ["reason", /^(?:\W*)(?:why)\b|\bwhy (?:do|does|is|are|would|should|can|did)\b|\bwhat causes?\b|\breason\b/],
  ["procedure", /\bhow (?:do|does|is|are|can|should|will|would) (?:i|you|we|it|they|one|the)\b(?!.{0,12}\b(?:long|many|much|often)\b)|\bwhat (?:happens|should i expect|to expect|are the steps|is the process)\b|\bwhat do (?:i|you) do\b|\bsteps?\b|\bprepare\b|\bwhat should i (?:bring|wear|do|avoid)\b/],
  ["list", /\bwhat (?:are|kinds?|types?|sorts?|conditions|symptoms|side effects|risks|options|treatments|things)\b|\bwhich\b|\bany (?:side effects|risks|alternatives|options)\b/],
  ["definition", /\bwhat(?:'s| is| are| does)\b.{0,40}\b(?:mean|stand for)\b|^(?:\W*)what(?:'s| is) (?:a |an |the )?\w+(?:\s\w+){0,3}\s*\??$|\bwhat is\b|\bexplain\b/],
  ["yes_no", /^(?:\W*)(?:is|are|can|could|do|does|did|will|would|should|may|might|am|has|have|was|were)\b|,\s*(?:is|are|can|do|does|will|would|should)\b|\b(?:right|correct|true|ok|okay|fine|safe)\s*\??$/],
];

/** The expected answer type of one question (part). */
export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase().replace(/[’‘]/g, "'").trim();
  for (const [type, pattern] of RULES) if (pattern.test(q)) return type;
  return "other";
}

/** A figure: digits, a number word or a vague quantity ("a few"); not the article "a", which counts nothing. */
const COUNTED = String.raw`(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or)\s*\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|few|several|multiple|many|half|a couple of|a single)`;
/** In a duration, "a"/"an" is a figure too: "an hour", "a week". */
const NUMBER = String.raw`(?:${COUNTED}|an?)`;
const TIME_UNIT = String.raw`(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|decades?|sessions?|visits?)`;
const UNIT_WORD = new RegExp(String.raw`^${TIME_UNIT}$`, "i");
/** A word that names the unit a figure is counted in ("weeks" in "for how many weeks?"), not what it is about. */
export const isFigureUnit = (word: string): boolean => UNIT_WORD.test(word);
const DURATION = new RegExp(String.raw`\b${NUMBER}\b[^.]{0,20}?\b(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|\b(?:within|for|after|over|in) (?:a few |several |many )?(?:seconds|minutes|hours|days|weeks|months|years)\b|\b(?:immediately|right away|same day|overnight)\b`, "i");
const LIST = /\b(?:include|includes|including|such as|e\.g\.|for example)\b|,[^,]+,|:\s*$/i;
const COUNT = new RegExp(String.raw`\b${COUNTED}\b[^.]{0,25}?\b\w+s\b|\b\d+\b|\bseries of\b|\bnumber of\b|\bcourse of\b`, "i");
const FREQUENCY = new RegExp(String.raw`\bevery\b|\bintervals?\b|\b(?:daily|weekly|monthly|yearly|annually|twice|once|times (?:a|per|each))\b|\bper (?:day|week|month|year)\b|\b${COUNTED}\b[^.]{0,25}?\b${TIME_UNIT}\b`, "i");
const COST = /[$€£]\s?\d|\b(?:cost|costs|price|fee|fees|insurance|insurers?|covered|coverage|pay|payment|afford|free|billing|out-of-pocket|copay)\b/i;
const REASON = /\bbecause\b|\bdue to\b|\bso that\b|\bwhich (?:helps|means|allows)\b|\bthis (?:helps|means|allows)\b|\bthe reason\b|\bcaus(?:e|es|ed|ing)\b|\bby (?:\w+ing)\b/i;
const COMPARISON = /\b(?:than|compared|unlike|whereas|while|versus|vs|difference|alternative|instead)\b/i;
const DEFINITION = /\b(?:is|are) (?:a|an|the)\b|\brefers to\b|\bmeans\b|\bknown as\b|\bis called\b|\binvolves\b/i;

/** Whether a sentence carries the kind of answer asked for (null: the type sets no requirement). */
export function carriesAnswerType(type: AnswerType, sentence: string): boolean | null {
  switch (type) {
    case "duration":
      return DURATION.test(sentence);
    case "count":
      return COUNT.test(sentence);
    case "frequency":
      return FREQUENCY.test(sentence);
    case "cost":
      return COST.test(sentence);
    case "reason":
      return REASON.test(sentence);
    case "comparison":
      return COMPARISON.test(sentence);
    case "definition":
      return DEFINITION.test(sentence);
    case "list":
      return LIST.test(sentence);
    default:
      return null;
  }
}
