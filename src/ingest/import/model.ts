/**
 * The common document model every reader produces and every later step
 * (chrome removal, structure, rendering) works on. Plain data only.
 */

export type Block =
  /** `level` is null when the source has no markup for it (plain text); `structure.ts` infers it. */
  | { kind: "heading"; text: string; level: number | null; question?: boolean }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] };

export type SourceFormat = "html" | "docx" | "text";

/** What a reader got out of one file, before any cleaning. */
export interface RawDocument {
  /** File name, for messages. */
  source: string;
  format: SourceFormat;
  /** Title from page metadata (og:title, <title>, first <h1>); null for plain text. */
  title: string | null;
  /** Canonical URL (`<link rel=canonical>`, og:url) when the page names one. */
  url: string | null;
  /** Site name from page metadata (og:site_name), if any. */
  siteName: string | null;
  blocks: Block[];
  /** Something staff should know about how the text was found (web pages whose main-content pick was overruled). */
  note?: string;
  /** Every such remark, one per line of the import summary (`note` joins them). */
  notes?: string[];
  /** The review or update date the page states about itself ("Last reviewed: April 22, 2024"). */
  reviewed?: { date: string; text: string };
}

/** A piece of text dropped as site chrome, with the rule that dropped it. */
export interface Removal {
  source: string;
  text: string;
  reason: string;
}

/** One line of text per paragraph, heading or list item: what chrome rules look at. */
export function blockTexts(block: Block): string[] {
  return block.kind === "list" ? block.items : [block.text];
}

export class ImportError extends Error {
  override name = "ImportError";
}
