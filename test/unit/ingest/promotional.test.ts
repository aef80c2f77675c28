/**
 * Sentence function on a made-up clinic whose name is made of ordinary words
 * ("Family Health Partners"), with the product's own promotional.yaml.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeMatch } from "../../../src/doctor/promotional.js";
import { createPromoMatcher, loadPromoPatterns, type PromoMatcher } from "../../../src/ingest/promotional.js";
import { publisherAsWe } from "../../../src/ingest/sentence-function.js";

const CLINIC = "Family Health Partners";
let promo: PromoMatcher;
beforeAll(async () => {
  promo = createPromoMatcher(await loadPromoPatterns(path.resolve("corpus/defaults/promotional.yaml")), [CLINIC]);
});

const CALLS_TO_ACTION = [
  "Call Family Health Partners today to book your first visit.",
  "Schedule your evaluation online.",
  "To find out whether shockwave therapy suits you, contact Family Health Partners.",
  "Please call us to set up a time.",
  "Do not hesitate to reach out to our front desk.",
  "Don't hesitate to reach out to our front desk.",
  "If you have questions about your plan, call us.",
  "Your knee deserves expert care – book an assessment with our team.",
  "Booking a consultation is the best first step.",
  "Our team offers shockwave therapy, which can reduce pain by half; call today to book.",
  // Recruiting others is a call to action too (invite-a-friend boxes inside the article text).
  "Invite a friend or family member who also uses a brace to our free support group.",
  "Invite someone who has been struggling with sleep, and you'll both get a free workbook.",
];
const OFFERS = [
  "Our friendly team can help you get back to the activities you love.",
  "Let us help you move without pain.",
  "Family Health Partners is proud to serve the whole valley.",
  "At Family Health Partners, we are committed to your recovery.",
];
const FACTS = [
  // Naming the clinic is attribution, not promotion.
  "At Family Health Partners, most patients begin physiotherapy within 3 to 7 days of surgery.",
  "Family Health Partners offers shockwave therapy for tendon pain.",
  // The clinic's ordinary words, lower-case or on their own, are just words.
  "Family health starts with regular sleep and activity.",
  "Physical therapy usually starts within 3 to 7 days of surgery.",
  "Health partners such as your surgeon receive a copy of your plan.",
  // "We" describing the process is content.
  "We use sterile, single-use needles for every patient.",
  "If progress stalls, we change the approach.",
  "We will leave you with a home program you can continue after discharge.",
  // When or whom to call for care.
  "Call us if your incision becomes red, warm or starts to drain.",
  "Contact our office right away if you develop a fever after the procedure.",
  "Call 911 if you have chest pain or trouble breathing.",
  "Call your surgeon if swelling gets worse after your visit.",
  // A contact verb that is not an imperative.
  "Contact lenses should be removed before the scan.",
  "Visit length depends on the treatment.",
  "Invitations to the support group go out by email.",
  "Patients who book early get more choice of times.",
  "Our front desk team contacts your insurer before the first visit.",
  "Discharge comes with a home plan, and you are welcome to contact us if symptoms return.",
];

describe("sentence function", () => {
  it.each(CALLS_TO_ACTION)("tags the call to action %j", (s) => {
    expect(promo.match(s)).toMatchObject({ kind: "function", rule: expect.stringMatching(/^imperative-/) });
  });

  it.each(OFFERS)("tags the publisher's offer or mission statement %j", (s) => {
    expect(promo.match(s)).toMatchObject({ kind: "function", rule: expect.stringMatching(/^(offer|commitment)$/) });
  });

  it.each(FACTS)("keeps the fact %j", (s) => {
    expect(promo.match(s)).toBeNull();
  });

  it("still tags blog framing, free offers and contact details by pattern", () => {
    for (const s of ["In this article, we look at knee pain.", "Ask about a free 15-minute consultation.", "Reach our desk at (555) 014-2291 any weekday."]) {
      expect(promo.match(s)?.kind).toBe("pattern");
    }
  });

  it("says in words which rule tagged a sentence, for the doctor", () => {
    expect(describeMatch(promo.match("Call Family Health Partners today to book your first visit.")!)).toBe('asks the reader to get in touch ("call")');
    expect(describeMatch(promo.match("Let us help you move without pain.")!)).toBe(`offers the publisher's help ("let us help")`);
  });
});

describe("publisher names", () => {
  it("stand for the publisher only when written exactly, as a whole multi-word name", () => {
    expect(publisherAsWe("Call Family Health Partners now.", [CLINIC])).toBe("Call we now.");
    expect(publisherAsWe("family health partners matter.", [CLINIC])).toBe("family health partners matter.");
    expect(publisherAsWe("Family Health Partnership news.", [CLINIC])).toBe("Family Health Partnership news.");
    expect(publisherAsWe("Kestrel treats tendons.", ["Kestrel"])).toBe("Kestrel treats tendons.");
  });
});
