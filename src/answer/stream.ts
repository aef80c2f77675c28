/**
 * Splits reply text into sentence pieces for streaming, keeping each `[n]`
 * marker with the sentence it closes.
 */
export function splitReplyText(text: string): string[] {
  const parts = text.match(/[^[]*?(?:\s*\[\d+\])+|[^[]+$/g) ?? [];
  const out = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  return out.length > 0 ? out : text.trim() ? [text.trim()] : [];
}
