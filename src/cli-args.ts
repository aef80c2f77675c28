/**
 * Command-line arguments for the staff CLIs (eval, doctor): node's parseArgs
 * for the syntax, a zod schema for the values; every problem is a UsageError
 * the CLI prints with its usage text (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";

export class UsageError extends Error {}

export function parseCliArgs<S extends z.ZodType>(argv: string[], options: NonNullable<ParseArgsConfig["options"]>, schema: S): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}
