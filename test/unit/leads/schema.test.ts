import { describe, expect, it } from "vitest";
import { IdempotencyKeySchema, LeadRequestSchema, leadBodyHash, toContact } from "../../../src/leads/schema.js";

const valid = { name: "Ana Lima", email: "ana@example.org", consent: true };
const issuePaths = (input: unknown) => {
  const r = LeadRequestSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("LeadRequestSchema", () => {
  it("accepts a minimal lead with email or phone and trims text", () => {
    const r = LeadRequestSchema.parse({ ...valid, name: "  Ana Lima  ", email: " ana@example.org " });
    expect(r).toEqual({ name: "Ana Lima", email: "ana@example.org", consent: true });
    expect(LeadRequestSchema.safeParse({ name: "Bo", phone: "+1 (555) 010-0199", consent: true }).success).toBe(true);
  });

  it("requires at least one of email and phone", () => {
    expect(issuePaths({ name: "Bo", consent: true })).toEqual(["email: give an email address or a phone number (or both)"]);
    // Blank form fields count as absent.
    expect(issuePaths({ name: "Bo", email: "  ", phone: "", consent: true })).toEqual(["email: give an email address or a phone number (or both)"]);
  });

  it("rejects unknown fields, missing or false consent", () => {
    expect(issuePaths({ ...valid, diagnosis: "x" })).toEqual([': Unrecognized key: "diagnosis"']);
    expect(issuePaths({ name: "Bo", email: "b@example.org" })).toEqual(["consent: consent must be true"]);
    expect(issuePaths({ ...valid, consent: false })).toEqual(["consent: consent must be true"]);
    expect(issuePaths({ ...valid, consent: "true" })).toEqual(["consent: consent must be true"]);
  });

  it("bounds the free-text fields", () => {
    expect(LeadRequestSchema.safeParse({ ...valid, reason: "a".repeat(500) }).success).toBe(true);
    expect(issuePaths({ ...valid, reason: "a".repeat(501) })).toEqual(["reason: reason must be at most 500 characters"]);
    expect(issuePaths({ ...valid, preferredTime: "x".repeat(101) })).toEqual(["preferredTime: preferredTime must be at most 100 characters"]);
    expect(issuePaths({ ...valid, name: "x".repeat(101) })).toEqual(["name: name must be at most 100 characters"]);
    expect(issuePaths({ ...valid, name: "   " })).toEqual(["name: name must not be empty"]);
    expect(LeadRequestSchema.safeParse({ ...valid, reason: "line one\nline two" }).success).toBe(true);
    expect(issuePaths({ ...valid, name: "Ana\u0000" })).toEqual(["name: name must not contain control characters"]);
  });

  it("checks email and phone shape", () => {
    expect(issuePaths({ ...valid, email: "not-an-email" })).toEqual(["email: email must be a valid email address"]);
    expect(issuePaths({ name: "Bo", phone: "12345", consent: true })).toContain("phone: phone must have 7 to 20 digits");
    expect(issuePaths({ name: "Bo", phone: "1".repeat(21), consent: true })).toContain("phone: phone must have 7 to 20 digits");
    expect(issuePaths({ name: "Bo", phone: "call me 5550100", consent: true })[0]).toMatch(/^phone: phone may contain only digits/);
  });

  it("takes sessionId with the chat contract's rules", () => {
    expect(LeadRequestSchema.safeParse({ ...valid, sessionId: "abc_DEF-123" }).success).toBe(true);
    expect(LeadRequestSchema.safeParse({ ...valid, sessionId: "has space" }).success).toBe(false);
  });
});

describe("leadBodyHash", () => {
  it("is the same for requests that differ only in whitespace or key order, different otherwise", () => {
    const a = toContact(LeadRequestSchema.parse({ consent: true, email: "ana@example.org", name: "Ana Lima" }));
    const b = toContact(LeadRequestSchema.parse({ name: " Ana Lima", email: "ana@example.org ", consent: true, phone: "" }));
    const c = toContact(LeadRequestSchema.parse({ name: "Ana Lima", email: "ana@example.org", consent: true, reason: "knee pain" }));
    expect(leadBodyHash(a)).toBe(leadBodyHash(b));
    expect(leadBodyHash(a)).not.toBe(leadBodyHash(c));
  });
});

describe("IdempotencyKeySchema", () => {
  it("accepts visible ASCII up to 200 characters", () => {
    expect(IdempotencyKeySchema.safeParse("3f1c2a8e-0b7d-4c55-9a3e-5b2f7d9c1e44").success).toBe(true);
    expect(IdempotencyKeySchema.safeParse("k".repeat(200)).success).toBe(true);
    expect(IdempotencyKeySchema.safeParse("k".repeat(201)).success).toBe(false);
    expect(IdempotencyKeySchema.safeParse("").success).toBe(false);
    expect(IdempotencyKeySchema.safeParse("two words").success).toBe(false);
    expect(IdempotencyKeySchema.safeParse("clé").success).toBe(false);
  });
});
