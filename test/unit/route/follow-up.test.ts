import { describe, expect, it } from "vitest";
import type { Turn } from "../../../src/contract.js";
import { resolveFollowUp } from "../../../src/route/index.js";

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

  it("leaves the message alone without history", () => {
    expect(resolveFollowUp("how long does that last?", [])).toBe("how long does that last?");
  });
});
