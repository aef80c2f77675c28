/**
 * `npm run leads [-- list|show <id>|retry <id>] [--json]`: staff view of
 * consultation requests and their delivery to the booking system.
 */
import { ConfigError, loadConfig } from "../src/config.js";
import { LeadStoreError, SqliteLeadStore } from "../src/leads/sqlite-store.js";
import { LEADS_USAGE, runLeadsCommand } from "../src/leads/staff-cli.js";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(LEADS_USAGE);
    return 0;
  }
  const config = loadConfig();
  let store: SqliteLeadStore;
  try {
    store = new SqliteLeadStore(config.paths.leadsDb, { mustExist: true });
  } catch (err) {
    if (err instanceof LeadStoreError) {
      console.log(err.message);
      return argv.length === 0 || argv[0] === "list" || argv[0]?.startsWith("--") ? 0 : 1;
    }
    throw err;
  }
  try {
    return await runLeadsCommand(argv, store, { out: (t) => console.log(t), err: (t) => console.error(t), now: Date.now, color: process.stdout.isTTY });
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof LeadStoreError ? err.message : err);
    process.exit(1);
  },
);
