/**
 * Which sentences answer: a part that points back ("…and are they dangerous?")
 * is answered about what it points at; an article's introduction (sentences
 * about the article, scene-setting addressed to the reader) answers nothing.
 * Pinned on small made-up clinic articles.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../../src/types.js";
import { selectorOn } from "./select-on.js";

const VISIT = `# Your First Visit to Lakeview Eye Care

Whether you are coming in for new glasses, dry eyes or a yearly check, a little preparation helps you get the most out of your appointment.

## Gather Your Information

Please bring or have ready:

- Your current glasses and contact lenses
- A list of all medicines you take
- Sunglasses for the drive home

## How Long Does It Take?

Most first appointments last 45 to 60 minutes, including the eye drops.

## Before Any Treatment

Before any treatment, you will have a thorough eye assessment to check that it is safe for you. This assessment includes a vision test, a pressure check and a look at the retina.
`;

const SPOTS = `# Spots on the Eyelid

This guide explains the most common eyelid spots and when to call us about them.

## Common Eyelid Spots

A chalazion is a firm, painless lump caused by a blocked oil gland. It often goes away on its own within a few weeks.

## Serious Side Effects of Eye Drops

Some people have stinging or blurred vision after dilating drops. Serious reactions are rare and dangerous: call us if you have eye pain or nausea.
`;

function article(id: string, title: string, body: string): Article {
  return { id, title, publisher: "Lakeview Eye Care", reviewed: "2026-01-01", status: "approved", url: null, body, source: `articles/${id}.md` };
}

const answer = selectorOn([article("first-visit", "Your First Visit to Lakeview Eye Care", VISIT), article("eyelid-spots", "Spots on the Eyelid", SPOTS)], 0.05);

describe("two-part questions about one thing", () => {
  it("answers a part that points back with a sentence about what it points at", () => {
    const both = answer("what is a chalazion and is it dangerous?");
    expect(both).toContain("A chalazion is a firm, painless lump caused by a blocked oil gland.");
    expect(both.join(" ")).not.toMatch(/dilating drops|Serious reactions/);
  });
});

describe("article introductions", () => {
  it("never quotes a sentence about the article itself", () => {
    const spots = answer("what are the most common eyelid spots?");
    expect(spots).toContain("A chalazion is a firm, painless lump caused by a blocked oil gland.");
    expect(spots.join(" ")).not.toContain("This guide explains");
  });

  it("never quotes scene-setting addressed to the reader, however many of the question's words it has", () => {
    expect(answer("how do I get the most out of my appointment?").join(" ")).not.toMatch(/^Whether you are coming in|a little preparation helps/);
  });
});

describe("sentences that refer back", () => {
  it("quotes a sentence that refers back together with the one it refers to, not as a repeat of it", () => {
    const both = answer("what does the eye assessment involve?");
    expect(both).toContain("This assessment includes a vision test, a pressure check and a look at the retina.");
    expect(both).toContain("Before any treatment, you will have a thorough eye assessment to check that it is safe for you.");
  });
});

describe("what the question is about", () => {
  const BACK = `# Low Back Pain at Home

## What You Can Do

Most back pain improves within six weeks with gentle movement.

- **Sleep smart.** Change your sleeping position during the night and rest on your side with a pillow between your knees.
`;
  const SHOULDER = `# Shoulder Pain

## Living With Shoulder Pain

- **Sleep position:** lie on your back with a pillow supporting the painful arm.
- **Reach carefully:** keep items you use daily at waist height.
`;
  const onPt = selectorOn([article("shoulder-pain", "Shoulder Pain", SHOULDER), article("low-back-pain", "Low Back Pain at Home", BACK)], 0.05);

  it("answers from a passage that names the subject the articles write as one term, not from one that only shares its words", () => {
    const chosen = onPt("sleeping position back pain");
    expect(chosen.join(" ")).toContain("rest on your side with a pillow between your knees");
    expect(chosen.join(" ")).not.toContain("lie on your back with a pillow supporting the painful arm");
  });

  it("takes a whole list only from a passage that names the subject, too", () => {
    const SHOULDER_LIST = `# Shoulder Pain

## Exercises for Shoulder Pain

Lie on your back and do these exercises for pain each morning:

- Pendulum swings, ten each way
- Wall slides, five slow repeats
`;
    const BACK_LIST = `# Low Back Pain

Back pain is common and usually improves within six weeks.

## Exercises for Back Pain

Do these exercises for back pain each morning:

- Knee-to-chest stretches, ten each side
- Pelvic tilts, ten slow repeats
`;
    // The shoulder article ranks first and its list's heading and lead-in carry every word asked about.
    const chosen = selectorOn([article("shoulder-pain", "Shoulder Pain", SHOULDER_LIST), article("low-back-pain", "Low Back Pain", BACK_LIST)], 0.05)("back pain exercises?").join(" ");
    expect(chosen).toContain("Pelvic tilts");
    expect(chosen).not.toContain("Pendulum swings");
  });
});
