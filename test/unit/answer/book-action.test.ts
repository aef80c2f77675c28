import path from "node:path";
import { describe, expect, it } from "vitest";
import { ClinicSchema, loadClinic } from "../../../src/config.js";
import { bookAction } from "../../../src/answer/reply.js";

const shipped = loadClinic(path.resolve("corpus/ketamine-pain/clinic.yaml"));

describe("bookAction", () => {
  it("uses the clinic's own booking words", () => {
    const clinic = ClinicSchema.parse({ ...shipped, bookingLabel: "Book a sleep study" });
    expect(bookAction(clinic, "question")).toMatchObject({ kind: "book", label: "Book a sleep study" });
  });

  it("says 'Book a consultation' when the clinic sets nothing", () => {
    const { bookingLabel: _unset, ...withoutLabel } = shipped;
    expect(bookAction(ClinicSchema.parse(withoutLabel), "question").label).toBe("Book a consultation");
  });

  it("keeps the topic, never the patient's words, in the link", () => {
    const href = new URL(bookAction(shipped, "sessions").href);
    expect(href.searchParams.get("topic")).toBe("sessions");
  });

  it("refuses an empty label", () => {
    expect(ClinicSchema.safeParse({ ...shipped, bookingLabel: " " }).success).toBe(false);
  });
});
