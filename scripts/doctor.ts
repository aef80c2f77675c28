/** `npm run doctor`: checks a clinic's corpus before going live (see src/doctor/cli.ts). */
import { runDoctorCli } from "../src/doctor/cli.js";

const code = await runDoctorCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
  cwd: process.cwd(),
});
process.exit(code);
