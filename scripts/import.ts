/**
 * `npm run import -- <files or folders> [--out dir] [--publisher name] [--force] [--dry-run]`:
 * saved web pages, Word documents and text captures → draft articles.
 */
import { runImportCommand } from "../src/ingest/import/command.js";

const today = new Date().toISOString().slice(0, 10);
runImportCommand(process.argv.slice(2), {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  today,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`import: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
