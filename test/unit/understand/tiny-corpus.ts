/** A tiny made-up clinic (a dental practice) for engine tests: small enough to reason about by hand. */
import type { Chunk } from "../../../src/types.js";

let ordinal = 0;
/** A chunk of a made-up article (ids and ordinals in order of creation). */
export function chunk(articleId: string, title: string, section: string | null, text: string): Chunk {
  ordinal++;
  return { id: `${articleId}#${ordinal}`, articleId, title, url: null, section, sectionPath: section ? [section] : [], text, listLines: [], promotional: false, ordinal };
}

export const TINY_CHUNKS: Chunk[] = [
  chunk("teeth-whitening", "Teeth Whitening at Our Practice", "How long does whitening take?", "An in-office whitening appointment takes about 90 minutes. Most patients see results after one visit."),
  chunk("teeth-whitening", "Teeth Whitening at Our Practice", "Sensitivity", "Some patients notice tooth sensitivity after whitening. It usually fades within two days.\nA desensitizing gel can help."),
  chunk("teeth-whitening", "Teeth Whitening at Our Practice", "Who can have whitening", "Whitening works on natural teeth. It does not change the colour of crowns or fillings."),
  chunk("dental-implants", "Dental Implants Explained", "What is an implant?", "A dental implant is a titanium post that replaces the root of a missing tooth. The post fuses with the jawbone over several months."),
  chunk("dental-implants", "Dental Implants Explained", "How many visits", "Most implant treatments need three to four visits over six months.\nYour dentist plans each visit after a scan."),
  chunk("dental-implants", "Dental Implants Explained", "Recovery", "After surgery, eat soft food for a week. Swelling is common and goes down after a few days."),
  chunk("gum-care", "Caring for Your Gums", "Bleeding gums", "Bleeding gums are often a sign of gingivitis. Gingivitis is reversible with daily flossing and regular cleanings."),
  chunk("gum-care", "Caring for Your Gums", "Cleanings", "We recommend a professional cleaning every six months. Patients with gum disease may need cleanings every three months."),
];
