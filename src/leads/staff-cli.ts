/**
 * The staff commands behind `npm run leads`: list leads and their delivery
 * state (contact details masked), show one lead in full, retry a dead lead.
 * Output goes to the terminal only; nothing here logs.
 */
import { parseArgs } from "node:util";
import Table from "cli-table3";
import { DEFAULT_DELIVERY } from "./deliverer.js";
import { maskEmail, maskName, maskPhone } from "./mask.js";
import { leadStatuses, type LeadStatus, type LeadStore, type LeadSummary, type StoredLead } from "./store.js";
import { stripBidiControls } from "./text.js";

export const LEADS_USAGE = `Usage: npm run leads [-- <command>] [options]

Commands:
  list              recent leads and their delivery state (default; contact details masked)
  show <lead-id>    one lead in full, including contact details (terminal only)
  retry <lead-id>   send a dead-lettered lead again (attempts reset)
  purge --older-than <days> [--yes]
                    delete leads delivered more than <days> ago (without --yes:
                    only count them). Undelivered leads are never purged.

Options:
  --status <s>      list only pending | delivering | delivered | dead
  --limit <n>       list at most n leads (default 50)
  --json            machine-readable output
  -h, --help        this help

A lead id may be shortened to its first 8 or more characters.`;

export interface StaffIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
  /** Colour table borders and headings (interactive terminals only). */
  color?: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** Timestamps as ISO 8601 for machine-readable output. */
function withIsoTimes<T extends LeadSummary>(lead: T) {
  return { ...lead, nextAttemptAt: iso(lead.nextAttemptAt), createdAt: iso(lead.createdAt), updatedAt: iso(lead.updatedAt), deliveredAt: iso(lead.deliveredAt) };
}

interface MaskedLead extends LeadSummary {
  name: string;
  email: string | null;
  phone: string | null;
}

/**
 * Contact details as staff see them: without bidi controls, which could make
 * a terminal show text reordered. Leads stored before the API stripped them
 * may still carry some.
 */
export function forDisplay(lead: StoredLead): StoredLead {
  const clean = <T extends string | null>(v: T): T => (v === null ? v : (stripBidiControls(v) as T));
  const c = lead.contact;
  return {
    ...lead,
    contact: {
      name: clean(c.name),
      email: clean(c.email),
      phone: clean(c.phone),
      preferredTime: clean(c.preferredTime),
      reason: clean(c.reason),
      sessionId: clean(c.sessionId),
    },
  };
}

export function maskLead(stored: StoredLead): MaskedLead {
  const { contact, ...summary } = forDisplay(stored);
  return {
    ...summary,
    name: maskName(contact.name),
    email: contact.email ? maskEmail(contact.email) : null,
    phone: contact.phone ? maskPhone(contact.phone) : null,
  };
}

export function formatTime(ms: number | null): string {
  if (ms === null) return "";
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatRelative(atMs: number | null, nowMs: number): string {
  if (atMs === null) return "";
  const seconds = Math.round((atMs - nowMs) / 1000);
  if (seconds <= 0) return "due now";
  if (seconds < 90) return `in ${seconds}s`;
  if (seconds < 90 * 60) return `in ${Math.round(seconds / 60)}m`;
  return `in ${(seconds / 3600).toFixed(1)}h`;
}

function tableStyle(io: StaffIo) {
  return io.color ? {} : { head: [], border: [] };
}

async function resolveId(store: LeadStore, given: string): Promise<StoredLead | "ambiguous" | null> {
  const exact = await store.get(given);
  if (exact || given.length < 8) return exact;
  const matches = (await store.list({ limit: 100_000 })).filter((l) => l.id.startsWith(given.toLowerCase()));
  if (matches.length > 1) return "ambiguous";
  return matches[0] ? store.get(matches[0].id) : null;
}

/** Runs one staff command; returns the process exit code. */
export async function runLeadsCommand(argv: string[], store: LeadStore, io: StaffIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        status: { type: "string" },
        limit: { type: "string" },
        json: { type: "boolean", default: false },
        "older-than": { type: "string" },
        yes: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${LEADS_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(LEADS_USAGE);
    return 0;
  }
  const [command = "list", id] = positionals;

  if (command === "list") {
    const status = values.status;
    if (status !== undefined && !(leadStatuses as readonly string[]).includes(status)) {
      io.err(`--status must be one of: ${leadStatuses.join(", ")}`);
      return 2;
    }
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      io.err("--limit must be a positive whole number");
      return 2;
    }
    const summaries = await store.list({ ...(status ? { status: status as LeadStatus } : {}), limit });
    const leads = (await Promise.all(summaries.map((s) => store.get(s.id)))).filter((l): l is StoredLead => l !== null).map(maskLead);
    const counts = await store.counts();
    if (values.json) {
      io.out(JSON.stringify({ counts, leads: leads.map(withIsoTimes) }, null, 2));
      return 0;
    }
    io.out(`Leads: ${leadStatuses.map((s) => `${counts[s]} ${s}`).join(", ")}`);
    if (leads.length === 0) {
      io.out(status ? `No ${status} leads.` : "No leads yet.");
      return 0;
    }
    const table = new Table({ style: tableStyle(io), head: ["Lead id", "Created", "Status", "Attempts", "Next attempt", "Last error", "Name", "Contact"] });
    const now = io.now();
    for (const l of leads) {
      table.push([l.id, formatTime(l.createdAt), l.status, l.attempts, formatRelative(l.nextAttemptAt, now), l.lastError ?? "", l.name, [l.email, l.phone].filter(Boolean).join(" ")]);
    }
    io.out(table.toString());
    if (counts.dead > 0) io.out("Dead leads were not delivered: check the booking webhook, then `npm run leads -- retry <lead-id>`.");
    return 0;
  }

  if (command === "show" || command === "retry") {
    if (!id) {
      io.err(`Usage: npm run leads -- ${command} <lead-id>`);
      return 2;
    }
    const found = await resolveId(store, id);
    const lead = found === "ambiguous" || found === null ? found : forDisplay(found);
    if (lead === "ambiguous") {
      io.err(`More than one lead id starts with "${id}": give more characters.`);
      return 1;
    }
    if (!lead) {
      io.err(`No lead with id ${id}.`);
      return 1;
    }
    if (command === "show") {
      if (values.json) {
        io.out(JSON.stringify(withIsoTimes(lead), null, 2));
        return 0;
      }
      const c = lead.contact;
      const rows: Array<[string, string]> = [
        ["Lead id", lead.id],
        ["Created", formatTime(lead.createdAt)],
        ["Status", lead.status],
        ["Attempts", String(lead.attempts)],
        ["Next attempt", formatRelative(lead.nextAttemptAt, io.now())],
        ["Last error", lead.lastError ?? ""],
        ["Delivered", formatTime(lead.deliveredAt)],
        ["Name", c.name],
        ["Email", c.email ?? ""],
        ["Phone", c.phone ?? ""],
        ["Preferred time", c.preferredTime ?? ""],
        ["Reason", c.reason ?? ""],
        ["Chat session", c.sessionId ?? ""],
      ];
      const table = new Table({ style: tableStyle(io), wordWrap: true, colWidths: [16, 64] });
      for (const row of rows) table.push(row);
      io.out(table.toString());
      return 0;
    }
    if (lead.status !== "dead") {
      io.err(
        lead.status === "delivered"
          ? `Lead ${lead.id} was already delivered.`
          : `Lead ${lead.id} is ${lead.status}: it is still being delivered, nothing to retry.`,
      );
      return 1;
    }
    await store.retryDead(lead.id, io.now());
    io.out(`Lead ${lead.id} is pending again; the running server sends it within ${Math.round(DEFAULT_DELIVERY.pollIntervalMs / 1000)} seconds.`);
    return 0;
  }

  if (command === "purge") {
    const days = Number(values["older-than"]);
    if (values["older-than"] === undefined || !Number.isInteger(days) || days < 1) {
      io.err("purge needs --older-than <days>, a whole number of days (at least 1), e.g. `npm run leads -- purge --older-than 90`");
      return 2;
    }
    const before = io.now() - days * 24 * 60 * 60 * 1000;
    const count = await store.purgeDelivered(before, { dryRun: !values.yes });
    if (values.json) io.out(JSON.stringify({ olderThanDays: days, deleted: values.yes ? count : 0, wouldDelete: values.yes ? 0 : count }));
    else if (values.yes) io.out(`Deleted ${count} lead(s) delivered more than ${days} days ago.`);
    else io.out(`${count} lead(s) were delivered more than ${days} days ago. Run again with --yes to delete them (undelivered leads are kept).`);
    return 0;
  }

  io.err(`Unknown command "${command}".\n\n${LEADS_USAGE}`);
  return 2;
}
