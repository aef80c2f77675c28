/**
 * Owner-only permissions for what holds patients' contact details: the data
 * directory (0700) and the lead database with its WAL and shared-memory
 * files (0600). Applied on every open, not only at creation: a file copied
 * in, restored from a backup or left by an older version may be readable by
 * everyone, and SQLite gives new -wal/-shm files the main file's mode.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrict(dir, PRIVATE_DIR_MODE);
}

/** The database file and its SQLite companions, whichever exist. */
export function restrictDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(f)) restrict(f, PRIVATE_FILE_MODE);
  }
}

function restrict(target: string, mode: number): void {
  if (process.platform === "win32") return;
  try {
    chmodSync(target, mode);
  } catch {
    // Not the owner, or a filesystem without modes: nothing more this process can do.
  }
}
