import { describe, expect, it } from "vitest";
import { extractQuantities, formatValue } from "../../../src/doctor/quantities.js";

const one = (sentence: string) => {
  const qs = extractQuantities(sentence);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe("extractQuantities", () => {
  it("reads durations in one base unit, so equal lengths compare equal", () => {
    const hour = one("Each visit usually lasts about an hour.");
    const minutes = one("A visit takes 60 minutes.");
    expect([hour.min, hour.max]).toEqual([minutes.min, minutes.max]);
    expect(hour.dimension).toBe("duration");
    expect(formatValue(hour)).toBe("1 hour");
  });

  it("reads ranges written with a dash, 'to', 'between … and' and 'or'", () => {
    expect(one("Sessions last between 1 to 2 hours.")).toMatchObject({ text: "between 1 to 2 hours", min: 60, max: 120 });
    expect(one("Healing takes 2–4 weeks.")).toMatchObject({ min: 2 * 10080, max: 4 * 10080 });
    expect(one("Redness fades after a day or two.")).toMatchObject({ text: "a day or two", min: 1440, max: 2880 });
    expect(one("It takes between 30 and 45 minutes.")).toMatchObject({ min: 30, max: 45 });
  });

  it("counts whatever noun follows the number, skipping describing words", () => {
    expect(one("Most patients need 6 weekly sessions.")).toMatchObject({ dimension: "count:session", min: 6, max: 6, noun: "sessions" });
    expect(one("A course is 4-8 visits.")).toMatchObject({ dimension: "count:visit", min: 4, max: 8 });
    expect(one("after two or more antidepressants failed")).toMatchObject({ min: 2, max: null });
  });

  it("keeps open bounds open and reads percentages and rates", () => {
    expect(one("The pain lasts at least three months.")).toMatchObject({ min: 3 * 43830, max: null });
    expect(one("It works in up to 70% of patients.")).toMatchObject({ dimension: "percent", min: null, max: 70 });
    expect(one("Repeat the stretch three times a day.")).toMatchObject({ dimension: "count:time/day", min: 3 });
  });

  it("reads the time between events as an interval, never as a length of time", () => {
    const scans = one("You will have an ultrasound scan every one to three days.");
    expect(scans).toMatchObject({ dimension: "interval", min: 1440, max: 3 * 1440 });
    expect(formatValue(scans)).toBe("every 1 – 3 days");
    expect(one("A scan takes one to three days to book.").dimension).toBe("duration");
  });

  it("reads when something happens apart from how long it lasts, and from which event", () => {
    expect(one("You can do a pregnancy test 16 days after insemination.")).toMatchObject({ dimension: "offset:after:insemin", min: 16 * 1440 });
    // "a day-5 transfer" names a day; it is no figure of its own.
    expect(extractQuantities("A pregnancy test is done 11 days after a day-5 transfer.").map((q) => q.dimension)).toEqual(["offset:after:transfer", "count:transfer"]);
    expect(one("Collection is scheduled 34–36 hours later.")).toMatchObject({ dimension: "offset:later:" });
    expect(formatValue(one("Collection is scheduled 34–36 hours later."))).toBe("34 – 36 hours later");
    // Before an event is not after it.
    expect(one("Stop the cream 1 week before the peel.")).toMatchObject({ dimension: "offset:before:peel" });
    expect(formatValue(one("Stop the cream 1 week before the peel."))).toBe("1 week before");
    // By when, counted from an event, is a point in time too; how long, counted from an event, is a length.
    expect(one("Therapy begins within the first 1 to 2 weeks after repair.").dimension).toBe("offset:after:repair");
    expect(one("Therapy starts within 3 to 7 days of leaving the hospital.").dimension).toBe("offset:after:leav");
    expect(one("Walk with crutches, usually for 1 to 2 weeks after surgery.").dimension).toBe("duration");
    expect(one("Results are ready within 5 working days.").dimension).toBe("duration");
    // The time between sessions is an interval.
    expect(extractQuantities("Most people need 3 to 5 sessions about 4 weeks apart.").map((q) => q.dimension)).toEqual(["count:session", "interval"]);
  });

  it("notes what a percentage measures when the sentence names it right after the sign", () => {
    expect(one("Freezing eggs gives roughly a 70–80% chance of a live birth.")).toMatchObject({ dimension: "percent", noun: "chance" });
    expect(one("A 50 per cent reduction in pain.")).toMatchObject({ text: "50 per cent", noun: "reduction" });
    expect(one("About 80% of eggs collected are mature.").noun).toBeNull();
  });

  it("reads working and business days as days", () => {
    expect(one("Results are ready within 5 working days.")).toMatchObject({ dimension: "duration", min: null, max: 5 * 1440 });
    expect(one("Refunds take 10 business days.")).toMatchObject({ dimension: "duration", min: 10 * 1440 });
  });

  it("notes the noun a duration is attached to", () => {
    expect(one("Boosters follow at 3-6 month intervals.")).toMatchObject({ dimension: "duration", noun: "intervals" });
    expect(one("Book a 40-minute visit.")).toMatchObject({ min: 40, noun: "visit" });
    expect(one("Sessions are spaced one week apart.").noun).toBeNull();
  });

  it("ignores years, list numbers and 'one' used as a word", () => {
    expect(extractQuantities("The device was invented in the 1980s.")).toEqual([]);
    expect(extractQuantities("In 2019 patients asked for it.")).toEqual([]);
    expect(extractQuantities("1.")).toEqual([]);
    expect(extractQuantities("Moisturize twice a day and once a week exfoliate.")).toEqual([]);
    expect(extractQuantities("One of the main reasons is comfort, and it is not one-size-fits-all.")).toEqual([]);
  });

  it("reads thousands written with commas, and a count per year as a rate, not a duration", () => {
    expect(one("Our lab reads more than 1,200 scans a year.")).toMatchObject({ dimension: "count:scan/year", min: 1200, max: null });
    expect(extractQuantities("Hundreds of patients a day pass through the clinic.").filter((q) => q.dimension === "duration")).toEqual([]);
    expect(one("The cast stays on for a year.")).toMatchObject({ dimension: "duration" });
  });

  it("reads every figure of a sentence once", () => {
    const qs = extractQuantities("Hold each stretch for 30 seconds and repeat it three times a day for 6 weeks.");
    expect(qs.map((q) => q.text)).toEqual(["30 seconds", "three times", "6 weeks"]);
  });
});
