/**
 * Closed-class English words the claim verifier treats by rule rather than as
 * content: function words, quantifiers and absolutes, hedges and hardeners,
 * negators, and words of direction (more/less, faster/slower, better/worse).
 * English grammar only: nothing here is about one topic or one clinic.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Function words: never content, never a claim on their own. */
export const FUNCTION_WORDS = words(`
  a an the and or but if then so as of to in on at by for with from into onto about over under than via per
  up down out off upon within among between across through throughout during before after until till since while whereas
  although though because due also too very just even still yet already again further then there here thus hence therefore
  moreover furthermore however instead rather quite fairly pretty such same other another own both either
  be is are was were been being am do does did doing done have has had having get gets got getting
  i me my mine myself you your yours yourself yourselves we us our ours he him his she her hers it its itself
  they them their theirs themselves this that these those who whom whose which what when where why how
  one ones someone somebody something thing things way
  person people individual individuals human humans
  'll 's 're 've 'd 'm s
  let lets please only
  actually really indeed simply basically
  take takes took taken taking make makes made making go goes went gone going come comes came coming
  keep keeps kept keeping put puts putting give gives gave given giving
  away back along around apart forth ago
  involve involves involved involving include includes included including consist consists consisted consisting
  comprise comprises comprised contain contains contained containing
`);

/** Verbs that claim one thing brings about another; a cited sentence must state a cause too. */
export const CAUSAL_VERBS = words(`lead leads led leading result results resulted resulting cause causes caused causing yield yields yielded produce produces produced trigger triggers triggered bring brings brought`);
/** Words by which a source states a cause. */
export const CAUSAL_LINKS = words(`due because therefore thus hence consequently so since owing thanks`);

/**
 * Universal quantifiers and absolutes: a generated sentence may use one only
 * when a cited sentence has a word of the same strength.
 */
export const QUANTIFIER_STRENGTH: Record<string, number> = {
  // 4: universal
  all: 4, every: 4, each: 4, always: 4, everyone: 4, everybody: 4, everything: 4, any: 4, anyone: 4, anybody: 4,
  anything: 4, whole: 4, entire: 4, entirely: 4, complete: 4, completely: 4, totally: 4, fully: 4, wholly: 4,
  universally: 4, invariably: 4, virtually: 4, forever: 4, permanent: 4, permanently: 4, never: 4, none: 4, nobody: 4,
  nothing: 4, guaranteed: 4, certainly: 4, definitely: 4, absolutely: 4, undoubtedly: 4, unquestionably: 4,
  // 3: most
  most: 3, majority: 3, mostly: 3, usually: 3, typically: 3, generally: 3, normally: 3, mainly: 3, primarily: 3,
  largely: 3, predominantly: 3, chiefly: 3, commonly: 3, ordinarily: 3, routinely: 3,
  // 2: many
  many: 2, often: 2, frequently: 2, much: 2, lots: 2, numerous: 2, regularly: 2, common: 2, frequent: 2,
  // 1: some
  some: 1, several: 1, few: 1, sometimes: 1, occasionally: 1, occasional: 1, various: 1, multiple: 1,
};

/** Words that claim more than any source wording can imply: the same word (lemma) must be in a cited sentence. */
export const ABSOLUTE_WORDS = words(`
  cure cures cured curing guarantee guarantees guaranteed permanent permanently forever
  completely entirely totally fully wholly absolutely definitely certainly undoubtedly unquestionably invariably universally
  virtually proven prove proves confirm confirms confirmed eliminate eliminates eliminated eradicate
`);

/** Hedges: a claim a cited sentence hedges must stay hedged. */
export const HEDGES = words(`
  may might can could possibly possible potentially potential perhaps maybe likely unlikely probably
  suggest suggests suggested indicate indicates indicated tend tends tended appear appears seem seems
  whether if considered promising
`);

/** Multiword grammar that says when or how, not what: read as function words ("over the course of the day" = "through the day"). */
export const FUNCTION_PHRASES: string[][] = [
  "over the course of", "in the course of", "the fact that", "in advance", "ahead of time", "in order to", "along the way", "as you go",
].map((p) => p.split(" "));

/** Degree words that only strengthen the comparative after them ("far thinner" = "much thinner"). */
export const DEGREE_WORDS = words(`far much way lot`);

/** Nouns for groups of people, and the words that open a phrase narrowing which of them ("patients with…", "people between the ages of…"). */
export const POPULATION_NOUNS = words(`
  people person persons patient patients adult adults child children kid kids individual individuals woman women man men
  athlete athletes teen teens teenager teenagers adolescent adolescents infant infants baby babies senior seniors candidate candidates
`);
export const NARROWING_OPENERS = words(`with between aged under over from taking receiving undergoing using having`);

/** Quantifiers that narrow whom or how often a claim holds (a rewording must keep one, or a hedge, over what it restates). */
export const RESTRICTORS = words(`
  some many most majority sometimes occasionally often frequently usually typically generally normally commonly
  mostly mainly largely predominantly chiefly ordinarily routinely
`);

/** Existential words that weaken a claim as much as a modal does ("some people have…" ≈ "people may have…"). */
export const EXISTENTIAL_HEDGES = words(`some sometimes occasionally certain`);

/** Hardeners: certainty the generated sentence may add only when a cited sentence says it too. */
export const HARDENERS = words(`
  will must shall prove proves proved proven confirm confirms confirmed establish established demonstrate demonstrated
  guarantee guarantees guaranteed ensure ensures definitely certainly clearly undoubtedly always
`);

/** Deontic markers: "you should…" needs an obligation in the source ("should", "important to", "must"). */
export const DEONTIC = words(`should must ought need needs needed necessary important essential vital crucial critical required require requires imperative`);

/** Negators, with the near-negative adverbs ("rarely covers" is nearly "does not cover": dropping one flips the claim). */
export const NEGATORS = words(`not no never none nothing neither nor without cannot unlike nobody lack lacks rarely seldom hardly scarcely barely`);

/**
 * Verbs that reverse or cancel what they govern ("stop the dose", "remove", "refuse", "prevent"): a general
 * verb that means one of these (itself, a synonym or a generalisation) never stands in for a source verb.
 */
export const REVERSING_VERBS = words(`
  stop end cease halt quit discontinue interrupt cancel abandon
  remove eliminate withdraw extract subtract
  prevent avoid block inhibit forbid prohibit bar ban exclude omit
  refuse reject deny decline resist oppose
  lose fail lack miss
`);

export type Dimension = "amount" | "quality" | "speed";
export type Direction = "up" | "down";

/** Words that say which way something goes; a generated one needs a cited one of the same dimension and direction. */
const DIRECTION_LISTS: Array<[Dimension, Direction, string]> = [
  ["amount", "up", "more greater higher larger bigger longer deeper increase increased increasing raise raised rise rising grow growing boost enhance enhanced extend prolong prolonged heighten intensify maximize maximise"],
  ["amount", "down", "less fewer lower smaller shorter reduce reduced reducing reduction decrease decreased decreasing decline drop lessen diminish diminished minimize minimise shrink abate abatement ease easing subside lighten"],
  ["quality", "up", "better best improve improved improving improvement enhance enhanced optimal optimum"],
  ["quality", "down", "worse worst worsen worsened worsening deteriorate deteriorated"],
  ["speed", "up", "faster fastest quicker quickest rapid rapidly quick quickly fast swift swiftly immediate immediately"],
  ["speed", "down", "slower slowest slow slowly gradual gradually delayed"],
];

export const DIRECTION_WORDS = new Map<string, Array<[Dimension, Direction]>>();
for (const [dim, dir, list] of DIRECTION_LISTS) {
  for (const w of list.split(" ")) DIRECTION_WORDS.set(w, [...(DIRECTION_WORDS.get(w) ?? []), [dim, dir]]);
}

/** Words that put two things in order ("X is preferred over Y", "X more than Y"). */
export const ORDER_ANCHORS = words(`than over versus vs compared`);

/**
 * Irregular English derivations (verb or adjective and its noun) that no suffix rule finds and WordNet does
 * not always link: "losing interest" says "loss of interest", "how much you weigh" says "your weight".
 */
const IRREGULAR_DERIVATION_PAIRS = `
  lose:loss weigh:weight grow:growth die:death choose:choice think:thought fly:flight speak:speech see:sight
  live:life believe:belief prove:proof advise:advice sell:sale succeed:success bear:birth breathe:breath bathe:bath
  warm:warmth true:truth
`;
export const IRREGULAR_DERIVATION = new Map<string, string>();
for (const pair of IRREGULAR_DERIVATION_PAIRS.trim().split(/\s+/)) {
  const [a, b] = pair.split(":") as [string, string];
  IRREGULAR_DERIVATION.set(a, b);
  IRREGULAR_DERIVATION.set(b, a);
}

/** Irregular plurals the lemmatizer may miss at a sentence start. */
export const IRREGULAR_BASE: Record<string, string> = {
  people: "person", children: "child", men: "man", women: "woman", feet: "foot", teeth: "tooth", mice: "mouse", lives: "life",
};
