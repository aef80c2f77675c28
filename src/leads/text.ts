/**
 * Hygiene for the free text a lead carries (name, preferred time, reason).
 * Bidi controls can make a staff table or a booking system show text in an
 * order the patient never typed ("Anna\u202Efdp.exe"): they are removed
 * before storage and again before display. Other invisible characters stay
 * (zero-width joiners are part of some scripts' spelling) but never count
 * as content: a name must show at least one visible character.
 */

// Embedding and override controls (LRE..RLO), isolates (LRI..PDI), and the marks LRM, RLM, ALM.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Characters that draw nothing: format characters, controls, separators and
// whitespace, combining marks without a base, and letters that render as blanks.
const DRAWS_NOTHING = /[\p{Cf}\p{Cc}\p{Z}\p{M}\s\u115f\u1160\u3164\uffa0\u2800]/gu;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

export function hasVisibleCharacter(text: string): boolean {
  return text.replace(DRAWS_NOTHING, "").length > 0;
}
