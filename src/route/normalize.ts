/**
 * Input hygiene and the normalized forms the safety rules match against.
 * Attackers and people in distress both write "creatively": look-alike
 * letters, leetspeak, spaced-out words, typos, base64. Each form undoes one
 * of those, and every rule is tried on every form.
 */

// Zero-width, bidi controls, BOM, soft hyphen, word joiners, Unicode tag characters,
// variation selectors and other invisible format characters.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
// C0/C1 controls except tab and newline.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** NFKC, invisible and control characters removed, line endings unified, trimmed. */
export function sanitizeInput(text: string): string {
  return text.normalize("NFKC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(CONTROL, "").trim();
}

// Letters from other scripts that render like Latin ones (beyond what NFKC folds).
const HOMOGLYPHS: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", і: "i", ї: "i",
  ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", һ: "h", ɡ: "g", ɑ: "a", ɩ: "i", ʀ: "r", ᴀ: "a", ᴇ: "e", ɪ: "i", ᴏ: "o", ʏ: "y",
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", μ: "u", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w", ς: "s",
  ℓ: "l", ı: "i",
};

/** Letters that NFD does not decompose, spelled as they are typed without them ("Überdosis", "heiße", "cœur"). */
const SPELLED_OUT: Record<string, string> = { ß: "ss", œ: "oe", æ: "ae", ø: "o", ł: "l" };

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s", "!": "i", "|": "l", "+": "t" };

/** Lower case, accents removed, look-alikes mapped, apostrophes dropped ("don't" → "dont"), spaces collapsed. */
export function canonical(text: string): string {
  const lowered = text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "");
  let out = "";
  for (const ch of lowered) out += HOMOGLYPHS[ch] ?? SPELLED_OUT[ch] ?? ch;
  return out
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, "$1$2")
    .replace(/'/g, " ")
    .replace(/[“”«»]/g, '"')
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Undoes leetspeak inside words that mix letters with digits or symbols ("k1ll", "$uicide"). */
export function unleet(text: string): string {
  return text.replace(/[\p{L}0-9@$!|+]+/gu, (word) => {
    if (!/\p{L}/u.test(word) || !/[0-9@$!|+]/.test(word)) return word;
    return [...word].map((c) => LEET[c] ?? c).join("");
  });
}

/**
 * Joins letters written one by one ("k i l l  m y s e l f", "s.u.i.c.i.d.e").
 * Letters joined by a symbol form one word each, so spaces between such
 * words survive ("r.e.v.e.a.l y.o.u.r" → "reveal your").
 */
export function joinSpacedLetters(text: string): string {
  const symbolJoined = text.replace(/\b(?:\p{L}[.\-_*]){2,}\p{L}\b/gu, (run) => run.replace(/[.\-_*]/g, ""));
  return symbolJoined.replace(/\b(?:\p{L}[\s.\-_*]+){2,}\p{L}\b/gu, (run) => run.replace(/[\s.\-_*]+/g, ""));
}

/** "diiiie" → "die", "sooooo" → "so" (and a two-letter version for words like "kill"). */
export function squeezeRepeats(text: string, keep: 1 | 2): string {
  return keep === 1 ? text.replace(/(\p{L})\1{2,}/gu, "$1") : text.replace(/(\p{L})\1{2,}/gu, "$1$1");
}

const BASE64_RUN = /(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?/g;

/** Readable text hidden in base64 runs (an encoded message is routed like a plain one). */
export function decodeBase64Payloads(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(BASE64_RUN)) {
    const run = match[0];
    // Plain words are also valid base64; real payloads mix case and digits or are long.
    if (!/[A-Z]/.test(run) || !/[a-z]/.test(run)) continue;
    const decoded = Buffer.from(run, "base64").toString("utf8");
    const printable = [...decoded].filter((c) => /[\p{L}\p{N}\p{P}\p{Zs}]/u.test(c)).length;
    if (decoded.length >= 8 && printable / decoded.length > 0.9 && /\s/.test(decoded)) out.push(decoded);
  }
  return out;
}

/** Every form a rule is tried on, de-duplicated. The first is the plain canonical form. */
export function matchForms(message: string): { forms: string[]; decoded: string[] } {
  const decoded = decodeBase64Payloads(message);
  const forms = new Set<string>();
  for (const source of [message, ...decoded]) {
    const base = canonical(source);
    const leet = unleet(base);
    for (const f of [base, leet]) {
      forms.add(f);
      forms.add(joinSpacedLetters(f));
      forms.add(squeezeRepeats(f, 1));
      forms.add(squeezeRepeats(f, 2));
    }
  }
  return { forms: [...forms], decoded };
}

/** Damerau–Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}
