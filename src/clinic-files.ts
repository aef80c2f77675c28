/**
 * The files one clinic is made of: the product-wide defaults (DEFAULTS_DIR)
 * plus the clinic folder's optional additions (CLINIC_DIR). A clinic folder
 * needs only clinic.yaml and articles/; its lexicon.yaml, promotional.yaml and
 * safety/*.yaml add to the defaults. Every missing or unreadable file is one
 * line naming the file and the fix, never a stack trace.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError, type ClinicPaths } from "./config.js";

/** A data file (lexicon, promotional patterns, safety rules) is missing or is not valid YAML/JSON. */
export class DataFileError extends ConfigError {
  override name = "DataFileError";
}

export interface ClinicFiles {
  /** The defaults' lexicon, then the clinic's when it has one: entries are appended. */
  lexicon: string[];
  /** The defaults' call-to-action patterns, then the clinic's: patterns are appended. */
  promotional: string[];
  /** The product-wide rule files and crisis model, and the clinic's additions (null when it has none). */
  safety: { defaults: string; clinic: string | null };
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

export function clinicFiles(paths: Pick<ClinicPaths, "clinicDir" | "defaultsDir">): ClinicFiles {
  const own = (name: string) => {
    const file = path.join(paths.clinicDir, name);
    return existsSync(file) ? [file] : [];
  };
  const clinicSafety = path.join(paths.clinicDir, "safety");
  return {
    lexicon: [path.join(paths.defaultsDir, "lexicon.yaml"), ...own("lexicon.yaml")],
    promotional: [path.join(paths.defaultsDir, "promotional.yaml"), ...own("promotional.yaml")],
    safety: { defaults: path.join(paths.defaultsDir, "safety"), clinic: isDir(clinicSafety) ? clinicSafety : null },
  };
}

/** The first line of a parser's message (YAML errors append a multi-line code frame). */
export function firstLine(message: string): string {
  return message.split("\n", 1)[0]!.trim().replace(/:$/, "");
}

/**
 * Reads and parses one YAML (or `.json`) data file. `what` names it for
 * people ("lay-term lexicon"); `fix` says what to do when it is missing.
 */
export function readDataFile(file: string, what: string, fix: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataFileError(`Missing ${what} ${file}. Fix: ${fix}`);
    throw new DataFileError(`Cannot read ${what} ${file} (${code ?? firstLine((err as Error).message)}). Fix: ${fix}`);
  }
  try {
    return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const kind = file.endsWith(".json") ? "JSON" : "YAML";
    throw new DataFileError(`${file} is not valid ${kind}: ${firstLine((err as Error).message)}. Fix: correct the file (or restore it with git).`);
  }
}

/** The fix for a missing product-wide file. */
export function restoreDefaultFix(file: string): string {
  return `restore ${path.basename(file)} in the defaults folder (git checkout -- ${path.relative(process.cwd(), file) || file}), or set DEFAULTS_DIR to the folder that has it.`;
}
