import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskEmail, maskName, maskPhone } from "../../../src/leads/mask.js";

describe("masking for staff listings", () => {
  it("keeps initials of names", () => {
    expect(maskName("Jane Doe")).toBe("J*** D***");
    expect(maskName("  Émile  Zola ")).toBe("É*** Z***");
  });

  it("keeps the first letters and the top-level domain of emails", () => {
    expect(maskEmail("jane@example.com")).toBe("j***@e***.com");
    expect(maskEmail("x@mail.example.co.uk")).toBe("x***@m***.uk");
    expect(maskEmail("broken")).toBe("***");
  });

  it("keeps an international prefix and the last two digits of phones", () => {
    expect(maskPhone("+1 555 010 0199")).toBe("+1 *** *** **99");
    expect(maskPhone("+44 20 7946 0958")).toBe("+44 ** **** **58");
    expect(maskPhone("(555) 010-0199")).toBe("(***) ***-**99");
    expect(maskPhone("5550100199")).toBe("********99");
  });

  it("reveals at most a 3-digit country code and the last two digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9][0-9 ()-]{6,24}$/), (phone) => {
        const shown = maskPhone(phone).replace(/\D/g, "").length;
        expect(shown).toBeLessThanOrEqual(Math.min(5, phone.replace(/\D/g, "").length));
      }),
    );
  });

  it("never shows an email's local part beyond its first character", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const local = email.slice(0, email.lastIndexOf("@"));
        const masked = maskEmail(email);
        if (local.length > 1) expect(masked.startsWith(local)).toBe(false);
        expect(masked).toContain("***");
      }),
    );
  });
});
