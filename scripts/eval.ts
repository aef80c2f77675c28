/** `npm run eval`: scores the assistant's answers against the suites in evals/ (see src/eval/cli.ts). */
import { runEvalCli } from "../src/eval/cli.js";

const code = await runEvalCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  progress: Boolean(process.stderr.isTTY) && !process.env.CI,
  env: process.env,
  cwd: process.cwd(),
});
process.exit(code);
