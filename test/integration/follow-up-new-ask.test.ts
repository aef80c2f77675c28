/**
 * A follow-up asks for something new: the sentences the previous answer
 * quoted (re-derived on the server, never read from client-sent assistant
 * turns) are not its answer again, unless they state the figure it asks for.
 * A made-up clinic: "zorvadine" is an invented drug.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Turn } from "../../src/contract.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { writeMadeUpCorpus } from "../helpers/made-up-corpus.js";

const ARTICLES = [
  {
    id: "zorvadine-skin-test",
    title: "The Zorvadine Skin Test",
    body: `
## Before the first dose

Everyone has a small zorvadine skin test before the first dose. The test spot on the forearm may need one small stitch.

## Caring for the test spot

Keep the forearm dry for a day. Your nurse removes the stitch after 7 to 10 days at a short visit.

## Blood tests during treatment

Zorvadine can raise liver enzymes, so we check a blood sample every month during treatment.
`,
  },
  {
    id: "zorvadine-visits",
    title: "Zorvadine Visits",
    body: `
## How many visits

Most patients need 6 to 8 zorvadine visits over 3 months. Each visit takes about forty minutes in a reclining chair.
`,
  },
];

const user = (content: string): Turn => ({ role: "user", content });
const bot = (content: string): Turn => ({ role: "assistant", content });

describe("a follow-up is not answered with the previous answer again (made-up clinic)", () => {
  let corpusDir: string;
  let rt: TestRuntime;
  beforeAll(async () => {
    corpusDir = await writeMadeUpCorpus(ARTICLES);
    rt = await startTestRuntime({ CORPUS_DIR: corpusDir });
  }, 120_000);
  afterAll(async () => {
    await rt?.dispose();
    await rm(corpusDir, { recursive: true, force: true });
  });

  async function ask(message: string, history: Turn[] = []) {
    return (await rt.assistant.respond({ message, history }, "s1")).reply;
  }

  it("'when does that come out?' after the stitch answer says when, not that there may be a stitch", async () => {
    const first = await ask("will the zorvadine skin test need a stitch?");
    expect(first.text).toContain("may need one small stitch");
    expect(first.text).not.toContain("after 7 to 10 days");
    const follow = await ask("when does that come out?", [user("will the zorvadine skin test need a stitch?"), bot(first.text)]);
    expect(follow.type).toBe("answer");
    expect(follow.text).toContain("after 7 to 10 days");
    expect(follow.text).not.toContain("may need one small stitch");
  });

  it("repeats a sentence of the previous answer when it states the figure the follow-up asks for", async () => {
    const first = await ask("how many zorvadine visits will I need?");
    expect(first.text).toContain("6 to 8 zorvadine visits over 3 months");
    const follow = await ask("and over how many months?", [user("how many zorvadine visits will I need?"), bot(first.text)]);
    expect(follow.text).toContain("over 3 months");
  });
});
