import { describe, expect, it } from "vitest";
import * as contract from "../../../src/contract.js";
import * as leads from "../../../src/leads/schema.js";
import * as limits from "../../../src/widget/limits.js";

const lead = (over: Record<string, unknown>) => leads.LeadRequestSchema.safeParse({ name: "Ada", email: "ada@example.com", consent: true, ...over }).success;

describe("widget limits match the API's schemas", () => {
  it("chat limits", () => {
    expect(limits.MAX_MESSAGE_CHARS).toBe(contract.MAX_MESSAGE_CHARS);
    expect(limits.MAX_HISTORY_TURNS).toBe(contract.MAX_HISTORY_TURNS);
    expect(contract.TurnSchema.safeParse({ role: "user", content: "x".repeat(limits.MAX_TURN_CHARS) }).success).toBe(true);
    expect(contract.TurnSchema.safeParse({ role: "user", content: "x".repeat(limits.MAX_TURN_CHARS + 1) }).success).toBe(false);
  });

  it("lead limits", () => {
    expect(limits.MAX_REASON_CHARS).toBe(leads.MAX_REASON_CHARS);
    expect(lead({ name: "x".repeat(limits.MAX_NAME_CHARS) })).toBe(true);
    expect(lead({ name: "x".repeat(limits.MAX_NAME_CHARS + 1) })).toBe(false);
    expect(lead({ preferredTime: "x".repeat(limits.MAX_PREFERRED_TIME_CHARS) })).toBe(true);
    expect(lead({ preferredTime: "x".repeat(limits.MAX_PREFERRED_TIME_CHARS + 1) })).toBe(false);
    const phoneOfLength = (n: number) => "1-".repeat(n).slice(0, n);
    expect(lead({ email: undefined, phone: phoneOfLength(limits.MAX_PHONE_CHARS) })).toBe(true);
    expect(lead({ email: undefined, phone: phoneOfLength(limits.MAX_PHONE_CHARS + 1) })).toBe(false);
    expect(lead({ email: `${"a".repeat(limits.MAX_EMAIL_CHARS - 12)}@example.com` })).toBe(true);
    expect(lead({ email: `${"a".repeat(limits.MAX_EMAIL_CHARS - 11)}@example.com` })).toBe(false);
  });
});
