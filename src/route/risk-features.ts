/**
 * Features of one text for the risk model: words (stems and stem pairs), the
 * taxonomy's cue patterns, framing (a question, the writer, someone else, the
 * past), the language, and what today's detectors say (phrase rules, concept
 * combos, the stem classifier). The sentence-encoder vector is added by the
 * model when one is available. Pure and deterministic.
 */
import { crisisFeatures, crisisScore } from "./classifier.js";
import { matchForms, sanitizeInput } from "./normalize.js";
import { routeMessage } from "./router.js";
import type { SafetyRules } from "./rules.js";
import { detectLanguage, type RiskTaxonomy } from "./risk-taxonomy.js";

/** A sparse feature vector: name → value (1 for presence). */
export type SparseFeatures = Map<string, number>;

/** Which groups of sparse features a head uses (the vector is decided separately). */
export interface FeatureGroups {
  words: boolean;
  cues: boolean;
  framing: boolean;
  today: boolean;
  /** Who and when: the writer now vs someone else, the past, a procedure, a question — each with or without a named risk ("x:"). */
  speaker: boolean;
}

export const ALL_GROUPS: FeatureGroups = { words: true, cues: true, framing: true, today: true, speaker: true };
export const NO_GROUPS: FeatureGroups = { words: false, cues: false, framing: false, today: false, speaker: false };

export interface TextAnalysis {
  /** The canonical normalized form (lower case, accents and apostrophes removed). */
  form: string;
  language: string;
  /** Every feature of every group, prefixed with its group ("w:", "cue:", "f:", "lang:", "today:"). */
  features: SparseFeatures;
  /** Whether today's detectors route this text to emergency, and by which rule. */
  today: { emergency: boolean; rule: string | null };
}

const FRAMING: Record<string, RegExp> = {
  question: /\?\s*$|^(?:is|are|can|could|does|do|will|would|what|whats|how|hows|has|have|why|when|which|should|any)\b/,
  asks_about: /\b(?:is|are|can|could|does|do|will|would|whats|what is|how)\b.{0,40}\b(?:risk|risks|side effects?|cause|causes|trigger|safe|dangerous|normal|common|possible|likely|happen)\b/,
  self: /\b(?:i|im|i m|ive|id|ill|me|my|myself|mine|yo|me|mi|estoy|tengo)\b/,
  other_person: /\b(?:my|mi|our)\s+(?:son|daughter|husband|wife|partner|friend|mom|mother|dad|father|brother|sister|bf|gf|boyfriend|girlfriend|kid|child|teen|roommate|hijo|hija|esposo|esposa|papa|mama|amigo|amiga|hermano|hermana)\b|\b(?:he|she|they|him|her|them)\b/,
  past: /\b(?:years ago|decades ago|as a (?:kid|child|teen\w*)|when i was|back in|in (?:19|20)\d\d|used to|once|last (?:year|spring|summer|fall|winter)|hace (?:anos|mucho)|de nino|de joven)\b/,
  resolved: /\b(?:fine now|ok now|okay now|im fine|im okay|stable|doing well|better now|passed|clean|sober|ever since|turned out)\b/,
  now: /\b(?:right now|rn|now|tonight|tonite|today|this morning|just|currently|at the moment|ahora|esta noche|hoy)\b/,
  future: /\b(?:tomorrow|tmrw|tonight|this weekend|next week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|going to|gonna|will|manana|voy a)\b/,
  humor: /\b(?:lol|lmao|haha\w*|jaja\w*|jk)\b|[😂🤣😅😄🙏]/u,
  professional: /\b(?:student|nurse|doctor here|psychiatrist|therapist|counselor|pharmacist|journalist|podcast|researcher|class|paper|thesis|capstone|literature|asking for a friend)\b/,
  thanks: /\b(?:thank|thanks|thank you|gracias|merci|obrigad\w*)\b/,
};

/**
 * Who is spoken about, and when. A word such as "sister" or "next week" says
 * nothing alone; what matters is whether a risk is named, and whether it is
 * the writer's own, now, or someone else's, in the past, or a question about a
 * procedure. These are read together with whether any taxonomy cue or
 * emergency detector fired (the `x:` features), so the model can learn that a
 * relative's hip surgery with no risk named is ordinary, and a relative who
 * "won't wake up" is not. Generic for any clinic.
 */
const SPEAKER: Record<string, RegExp> = {
  // The writer as the subject of a present state or intention ("i feel", "im done", "i cant", "i keep").
  self_state:
    /\b(?:i|im|i m|ive|i ve|i am|id|i d|ill|i ll)\s+(?:(?:am|m|have been|ve been|been|just|really|still|so|honestly|literally|kinda|kind of)\s+)*(?:feel\w*|want\w*|dont|don t|do not|can t|cant|cannot|keep|going to|gonna|will|wont|won t|need|wish|hate|done|tired|scared|afraid|thinking|think about|planning|plan|not|cut\w*|took|take|have|got|bought|wrote)\b/,
  // Someone else as the subject ("my aunt had", "she keeps", "my son is").
  other_subject:
    /\b(?:my|our|mi)\s+(?:\w+\s+)?(?:son|daughter|husband|wife|partner|friend|mom|mum|mother|dad|father|brother|sister|aunt|uncle|cousin|niece|nephew|grandma|grandmother|grandpa|grandfather|gran|nan|bf|gf|boyfriend|girlfriend|kid|kids|child|children|teen|roommate|coworker|colleague|neighbou?r|boss|hijo|hija|esposo|esposa|papa|mama|amigo|amiga|hermano|hermana|tia|tio|abuela|abuelo)\b|\b(?:he|she|they)\s+(?:is|s|was|has|had|did|does|keeps|kept|said|says|told|wants|wanted|took|got|went|just|never|always|cant|can t)\b/,
  // An event that is over ("a while ago", "had her hip replaced", "last month").
  past_event:
    /\b(?:ago|a while back|last (?:week|month|year|time|spring|summer|fall|autumn|winter)|previously|in the past|had (?:a|an|her|his|my|their|the|it|one|surgery|done)|did (?:a|an|it|the|her|his|my|\w+ing)|went through|used to|back then|years back)\b/,
  // A procedure, visit or treatment is the subject ("the sessions", "my laser", "the appointment").
  procedure:
    /\b(?:sessions?|appointments?|appts?|procedures?|surgery|surgeries|treatments?|visits?|scheduled|booked|consult\w*|therapy|exam|operation|replaced|replacement|injections?|infusions?|laser|peels?|fillings?|crowns?|cleaning|scan|mri|x ?rays?|botox|filler|stitches|recovery|rehab|physio|pt)\b/,
  // A plan for a date that is not about oneself ending ("heading to", "trip", "vacation", "wedding", "going on").
  plans: /\b(?:heading to|going to (?:the|a|my)|trip|travel\w*|vacation|holiday|wedding|flight|moving|visiting|concert|party|game|race|marathon)\b/,
};

/** Words of at most a few tokens: too short to say much on their own, but a follow-up often is. */
const lengthBucket = (form: string) => {
  const n = form.split(/\s+/).filter(Boolean).length;
  return n <= 3 ? "len:short" : n <= 12 ? "len:mid" : n <= 40 ? "len:long" : "len:very_long";
};

export function analyzeText(text: string, taxonomy: RiskTaxonomy, rules: SafetyRules): TextAnalysis {
  const clean = sanitizeInput(text);
  const { forms } = matchForms(clean);
  const form = forms[0] ?? "";
  const language = detectLanguage(form, taxonomy.languages);
  const features: SparseFeatures = new Map();

  for (const w of crisisFeatures(form)) features.set(`w:${w}`, 1);

  for (const group of [...taxonomy.categories, ...taxonomy.lookalikes]) {
    let any = false;
    group.cues.forEach((cue, i) => {
      if (cue.test(form)) {
        features.set(`cue:${group.id}.${i}`, 1);
        any = true;
      }
    });
    if (any) features.set(`cue:${group.id}`, 1);
  }

  for (const [name, pattern] of Object.entries(FRAMING)) if (pattern.test(form)) features.set(`f:${name}`, 1);
  features.set(`f:${lengthBucket(form)}`, 1);
  features.set(`lang:${language}`, 1);

  const decision = routeMessage(clean, rules);
  const emergency = decision.kind === "emergency";
  let kind: string | null = null;
  if (emergency) {
    const rule = decision.rule ?? "";
    kind = rule === "crisis.classifier" ? "classifier" : rule === "crisis.fuzzy" ? "fuzzy" : rules.crisisCombos.some((c) => c.id === rule) ? "combo" : "rule";
    features.set("today:emergency", 1);
    features.set(`today:${kind}`, 1);
  }
  const score = Math.max(0, ...forms.map((f) => crisisScore(rules.crisisModel, f)));
  features.set("today:score", Math.round(score * 1000) / 1000);

  // Who and when, with or without a named risk (see SPEAKER).
  const named = taxonomy.categories.some((c) => features.has(`cue:${c.id}`));
  const signal = named ? "cue" : emergency ? (kind === "classifier" || kind === "fuzzy" ? "guess" : "rule") : "none";
  const frames = Object.entries(SPEAKER).filter(([, p]) => p.test(form)).map(([name]) => name);
  for (const name of ["question", "other_person", "past", "now", "future", "humor"]) if (features.has(`f:${name}`)) frames.push(name);
  features.set(`x:signal_${signal}`, 1);
  for (const name of frames) {
    features.set(`sp:${name}`, 1);
    features.set(`x:${name}&${signal}`, 1);
  }
  return { form, language, features, today: { emergency, rule: emergency ? decision.rule : null } };
}

/** The features of `analysis` that a head with these groups uses. */
export function selectFeatures(features: SparseFeatures, groups: FeatureGroups): SparseFeatures {
  const out: SparseFeatures = new Map();
  for (const [name, value] of features) {
    const group = name.slice(0, name.indexOf(":"));
    const on =
      (group === "w" && groups.words) ||
      (group === "cue" && groups.cues) ||
      ((group === "f" || group === "lang") && groups.framing) ||
      (group === "today" && groups.today) ||
      ((group === "sp" || group === "x") && groups.speaker);
    if (on) out.set(name, value);
  }
  return out;
}

/** The category head's groups: the same, without single words. */
export const categoryGroups = (groups: FeatureGroups): FeatureGroups => ({ ...groups, words: false });
