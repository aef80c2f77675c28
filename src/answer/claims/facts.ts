/**
 * Numbers, quantities (number + unit, including ranges and vague amounts such
 * as "several hours") and frequencies in a text, so that a generated sentence
 * can be required to state only those its sources state. Units are general
 * English measures (time, mass, volume, percent); nothing topic-specific.
 */


const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};
const FRACTIONS: Record<string, string> = { half: "0.5", quarter: "0.25" };

/** "one" is a pronoun in "one of", "no one", "the one who": not a quantity. */
const ONE_AS_PRONOUN_BEFORE = new Set(["of", "another", "who", "that", "which", "or"]);
const ONE_AS_PRONOUN_AFTER = new Set(["no", "any", "some", "every", "each", "this", "that", "the", "which", "someone", "anyone"]);

function numberWordValue(word: string): number | null {
  if (word in UNITS) return UNITS[word]!;
  if (word in TENS) return TENS[word]!;
  const compound = /^([a-z]+)-([a-z]+)$/.exec(word);
  if (compound && compound[1]! in TENS && compound[2]! in UNITS && UNITS[compound[2]!]! < 10) return TENS[compound[1]!]! + UNITS[compound[2]!]!;
  return null;
}

function canonicalNumber(raw: string): string {
  const plain = /^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replace(/,/g, "") : raw.replace(",", ".");
  return String(Number(plain));
}

interface Token {
  word: string;
  /** Numeric value when the token is a number (as canonical string). */
  value: string | null;
}

/** Word tokens with number words, digits, fractions and ordinals resolved to values. */
function tokenize(text: string): Token[] {
  const normalized = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    // "3-6", "3–6", "2 – 4": a range is two numbers.
    .replace(/(\d)\s*[-–—]\s*(?=\d)/g, "$1 to ")
    // "40-minute", "two-hour": split the number from its unit.
    .replace(/\b([a-z]+|\d+(?:\.\d+)?)-(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b/g, "$1 $2")
    .replace(/(\d)\s*%/g, "$1 percent")
    .replace(/\b(\d+)\s*\/\s*(\d+)\b/g, (_, a: string, b: string) => ` ${String(Number(a) / Number(b))} `)
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, "ordinal$1");
  const words = normalized.match(/[a-z]+(?:-[a-z]+)*|\d+(?:[.,]\d+)*|\d+(?:\.\d+)?/g) ?? [];
  return words.map((word, i) => {
    if (/^\d/.test(word)) return { word, value: canonicalNumber(word) };
    if (word.startsWith("ordinal")) return { word, value: `#${Number(word.slice(7))}` };
    if (word in ORDINALS) return { word, value: `#${ORDINALS[word]}` };
    if (word in FRACTIONS) return { word, value: FRACTIONS[word]! };
    const v = numberWordValue(word);
    if (v === null) return { word, value: null };
    if (word === "one" && (ONE_AS_PRONOUN_BEFORE.has(words[i + 1] ?? "") || ONE_AS_PRONOUN_AFTER.has(words[i - 1] ?? ""))) {
      return { word, value: null };
    }
    return { word, value: String(v) };
  });
}

const UNIT_CANON: Array<[RegExp, string]> = [
  [/^(?:minutes?|mins?)$/, "minute"],
  [/^(?:hours?|hrs?)$/, "hour"],
  [/^days?$/, "day"],
  [/^weeks?$/, "week"],
  [/^months?$/, "month"],
  [/^years?$/, "year"],
  [/^decades?$/, "decade"],
  [/^centur(?:y|ies)$/, "century"],
  [/^times?$/, "time"],
  [/^(?:mg|milligrams?)$/, "mg"],
  [/^(?:mcg|micrograms?)$/, "mcg"],
  [/^(?:ml|milliliters?|millilitres?)$/, "ml"],
  [/^(?:kg|kilograms?)$/, "kg"],
  [/^percent$/, "percent"],
];

function unitOf(word: string | undefined): string | null {
  if (!word) return null;
  for (const [re, canon] of UNIT_CANON) if (re.test(word)) return canon;
  return null;
}

/** A number joined to a following number by "to/or/and" shares that number's unit ("2 to 4 weeks"). */
const RANGE_JOINERS = new Set(["to", "or", "and"]);
const FREQUENCY_WORDS: Record<string, string> = {
  daily: "day", nightly: "day", weekly: "week", monthly: "month", yearly: "year", annually: "year", hourly: "hour",
  biweekly: "2week", fortnightly: "2week",
};
const COUNT_WORDS: Record<string, string> = { once: "1", twice: "2", thrice: "3" };
const PERIOD_INTRO = new Set(["a", "an", "per", "every", "each"]);
const TIME_UNITS = new Set(["minute", "hour", "day", "week", "month", "year", "decade", "century"]);
/** Vague amounts that still make a duration claim: "several hours" is not "several days". */
const VAGUE_AMOUNTS = new Set(["few", "several", "couple", "many", "multiple", "some"]);

export interface Facts {
  /** Every number value (digits, number words, fractions, ordinals as `#n`). */
  numbers: Set<string>;
  /** Number–unit pairs such as `2 week`, `40 minute`, `50 percent`. */
  quantities: Set<string>;
  /** Frequency keys such as `per:week`, `count:2`, `every:3:month`. */
  frequencies: Set<string>;
  /** Every unit named, with or without a number ("within hours" is not "within minutes"). */
  units: Set<string>;
}

/** Numbers, quantities (number + unit) and frequency expressions in a text. */
export function extractFacts(text: string): Facts {
  const tokens = tokenize(text);
  const facts: Facts = { numbers: new Set(), quantities: new Set(), frequencies: new Set(), units: new Set() };
  tokens.forEach((t, i) => {
    if (t.value !== null) {
      facts.numbers.add(t.value);
      // Find the unit: right after the number, or after a range ("2 to 4 weeks").
      let j = i + 1;
      while (j + 1 < tokens.length && RANGE_JOINERS.has(tokens[j]!.word) && tokens[j + 1]!.value !== null) j += 2;
      const unit = unitOf(tokens[j]?.word);
      if (unit && !t.value.startsWith("#")) facts.quantities.add(`${t.value} ${unit}`);
      // A range is a claim of its own: "1 to 2 hours" is not "2 to 3 hours", even though 2 hours is in both.
      const upper = tokens[i + 2];
      const isRange = tokens[i + 1]?.word === "to" || (tokens[i + 1]?.word === "and" && tokens[i - 1]?.word === "between");
      if (isRange && upper?.value != null && unit) facts.quantities.add(`${t.value}..${upper.value} ${unit}`);
      // "every 3 months" and "at 3-month intervals" say the same thing.
      if (unit && (tokens[i - 1]?.word === "every" || /^intervals?$/.test(tokens[j + 1]?.word ?? ""))) facts.frequencies.add(`every:${t.value}:${unit}`);
    }
    const word = t.word;
    const named = unitOf(word);
    if (named && named !== "time") facts.units.add(named);
    if (VAGUE_AMOUNTS.has(word)) {
      const next = tokens[i + 1]?.word === "of" ? tokens[i + 2] : tokens[i + 1];
      const unit = unitOf(next?.word);
      if (unit && TIME_UNITS.has(unit)) facts.quantities.add(`${word === "couple" ? "few" : word} ${unit}`);
    }
    if (word in FREQUENCY_WORDS) facts.frequencies.add(`per:${FREQUENCY_WORDS[word]}`);
    if (word in COUNT_WORDS && PERIOD_INTRO.has(tokens[i + 1]?.word ?? "")) facts.frequencies.add(`count:${COUNT_WORDS[word]}`);
    if (word === "times" && i > 0 && tokens[i - 1]!.value !== null && PERIOD_INTRO.has(tokens[i + 1]?.word ?? "")) {
      facts.frequencies.add(`count:${tokens[i - 1]!.value}`);
    }
    if (PERIOD_INTRO.has(word) && word !== "a" && word !== "an") {
      const unit = unitOf(tokens[i + 1]?.word);
      if (unit && TIME_UNITS.has(unit) && unit !== "minute") facts.frequencies.add(`per:${unit}`);
      if (tokens[i + 1]?.word === "other") {
        const other = unitOf(tokens[i + 2]?.word);
        if (other) facts.frequencies.add(`per:2${other}`);
      }
    }
    // "once a week", "three times a day": the period after a count is a frequency, not a duration.
    // …and so is the period after a counted noun: "three visits a week".
    const countedNoun = i >= 2 && tokens[i - 2]!.value !== null && tokens[i - 1]!.value === null && unitOf(tokens[i - 1]!.word) === null;
    if ((word === "a" || word === "an") && (tokens[i - 1]?.word === "times" || (tokens[i - 1]?.word ?? "") in COUNT_WORDS || countedNoun)) {
      const unit = unitOf(tokens[i + 1]?.word);
      if (unit) facts.frequencies.add(`per:${unit}`);
    } else if ((word === "a" || word === "an") && TIME_UNITS.has(unitOf(tokens[i + 1]?.word) ?? "")) {
      // "a week ago" names the last week, as "last week" does; otherwise "an hour", "a week": one of that
      // unit ("a session" is just an article).
      if (tokens[i + 2]?.word === "ago") facts.frequencies.add(`past:${unitOf(tokens[i + 1]!.word)}`);
      else facts.quantities.add(`1 ${unitOf(tokens[i + 1]!.word)}`);
    }
    if (word === "last" && tokens[i - 1]?.word !== "the" && TIME_UNITS.has(unitOf(tokens[i + 1]?.word) ?? "") && !/s$/.test(tokens[i + 1]!.word)) {
      facts.frequencies.add(`past:${unitOf(tokens[i + 1]!.word)}`);
    }
  });
  return facts;
}

