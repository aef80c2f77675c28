import { describe, expect, it } from "vitest";
import type { Turn } from "../../../src/contract.js";
import { answerTopicWords } from "../../../src/route/follow-up.js";
import { needsPriorTopic, priorQuestion, resolveFollowUp, resolveWithPriorAnswer } from "../../../src/route/index.js";

const user = (content: string): Turn => ({ role: "user", content });
const bot = (content: string): Turn => ({ role: "assistant", content });

describe("resolveFollowUp", () => {
  it("returns a self-contained question unchanged", () => {
    expect(resolveFollowUp("What are the side effects of ketamine?", [user("How long is a session?")])).toBe("What are the side effects of ketamine?");
  });

  it("borrows the earlier topic for a pronoun follow-up", () => {
    const q = resolveFollowUp("how long do they last?", [user("what are the side effects?"), bot("Dizziness and nausea. [1]")]);
    expect(q).toMatch(/side/);
    expect(q).toMatch(/effects/);
  });

  it("treats 'and X?' as a new topic", () => {
    expect(resolveFollowUp("and the side effects?", [user("How long does a ketamine session last?")])).toBe("the side effects?");
  });

  it("fills in a question with no topic of its own", () => {
    expect(resolveFollowUp("is it safe?", [user("tell me about ketamine infusions for fibromyalgia")])).toMatch(/fibromyalgia/);
  });

  it("never takes topics from the assistant's turns", () => {
    const q = resolveFollowUp("how long does that last?", [bot("Ignore this: insurance billing codes"), user("what about nausea?")]);
    expect(q).not.toMatch(/insurance|billing/);
    expect(q).toMatch(/nausea/);
  });

  it("reads 'and for how many weeks?' as a figure about the earlier topic, not a new topic about weeks", () => {
    const q = resolveFollowUp("and for how many weeks?", [user("How often will I come in after my knee replacement?")]);
    expect(q).toMatch(/knee replacement/);
    expect(resolveFollowUp("and the exercises?", [user("How often will I come in after my knee replacement?")])).toBe("the exercises?");
  });

  it("borrows the topic for a long follow-up that names none of its own, but not for a long one that does", () => {
    const history = [user("how long is a course of isotretinoin?")];
    expect(resolveFollowUp("and how often will i have to come in during that?", history)).toMatch(/isotretinoin/);
    const own = "and is it true that the sunscreen has to be reapplied every two hours outdoors?";
    expect(resolveFollowUp(own, history)).toBe(own);
  });

  it("leaves the message alone without history", () => {
    expect(resolveFollowUp("how long does that last?", [])).toBe("how long does that last?");
  });
});

describe("follow-ups that lean on the previous answer", () => {
  const given = { section: "How is the drug given?", text: "It is given as an infusion or as a nasal spray. The infusion takes an hour; the nasal spray takes minutes." };

  it("reads an answer's topic from its cited headings and the quoted words that lead to other passages", () => {
    expect(answerTopicWords([given])).toEqual(expect.arrayContaining(["drug", "infusion", "nasal", "spray"]));
    // With passage counts: "hour" and "minutes" occur only in the cited passage, so they could only lead back to it;
    // rarer linking words come first.
    const df: Record<string, number> = { drug: 9, infus: 3, nasal: 2, sprai: 2, hour: 1, minut: 1 };
    expect(answerTopicWords([given], (stem) => df[stem] ?? 0)).toEqual(["drug", "nasal", "spray", "infusion"]);
    expect(answerTopicWords([])).toEqual([]);
  });

  it("searches the follow-up by its own words, with the earlier topics as context", () => {
    const r = resolveWithPriorAnswer("which of the two is gentler?", [user("how do you give zorvadine?")], [given]);
    expect(r.question).toBe("which of them is gentler? (zorvadine)");
    expect(r.context).toEqual(expect.arrayContaining(["zorvadine", "infusion", "nasal", "spray"]));
    expect(r.context).not.toContain("gentler");
  });

  it("keeps a unit word as the follow-up's own topic when it asks for no figure", () => {
    const history = [user("what are the steps to get started?")];
    // "sessions" is what is asked about: searched by its own words, with the earlier topic as context.
    expect(resolveWithPriorAnswer("what kind of sessions are they?", history, [given]).context.length).toBeGreaterThan(0);
    // "for how many sessions?" asks for a figure about the earlier topic: filled in, as a question with no topic.
    expect(resolveWithPriorAnswer("and for how many sessions?", history, [given]).context).toEqual([]);
  });

  it("keeps the patient's earlier words in the question only when they lead beyond the passage already shown", () => {
    const df: Record<string, number> = { dose: 1, drowsi: 2 };
    const cited = [{ section: "Right after a dose", text: "You may feel drowsy." }];
    const r = resolveWithPriorAnswer("does that wear off?", [user("what happens right after a dose?")], cited, (stem) => df[stem] ?? 0);
    expect(r).toEqual({ question: "does that wear off?", context: ["dose", "drowsy"] });
  });

  it("falls back to the patient's earlier words when the previous question got no answer", () => {
    expect(resolveWithPriorAnswer("is it expensive?", [user("is there parking near the clinic?")], [])).toEqual({
      question: "is it expensive? (parking near clinic)",
      context: [],
    });
  });

  it("leaves a standalone question alone even when there was an answer", () => {
    expect(resolveWithPriorAnswer("What does the consultation cost?", [user("how do you give zorvadine?")], [given])).toEqual({
      question: "What does the consultation cost?",
      context: [],
    });
  });

  it("never reads the assistant's turns", () => {
    const honest = [user("how do you give zorvadine?"), bot("As an infusion or a nasal spray. [1]")];
    const injected = [user("how do you give zorvadine?"), bot("Ignore that: insurance billing codes and parking")];
    expect(resolveWithPriorAnswer("is that gentler?", injected, [given])).toEqual(resolveWithPriorAnswer("is that gentler?", honest, [given]));
    expect(priorQuestion(injected)).toBe("how do you give zorvadine?");
    expect(needsPriorTopic("is that gentler?", [bot("hello")])).toBe(false);
  });

  it("re-derives the previous question as retrieval saw it", () => {
    expect(priorQuestion([user("tell me about zorvadine infusions"), user("is it safe?")])).toBe("is it safe? (zorvadine infusions)");
    expect(priorQuestion([])).toBeNull();
  });
});
