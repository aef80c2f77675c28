/**
 * Masking for staff listings: enough to recognise a lead ("J*** D***"),
 * not enough to contact the person from a screenshot or a shared terminal.
 */

const STARS = "***";

/** "Jane Doe" → "J*** D***" */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${Array.from(word)[0] ?? ""}${STARS}`)
    .join(" ");
}

/** "jane@example.com" → "j***@e***.com" (the top-level domain stays: it says little about the person). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return STARS;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${Array.from(local)[0]}${STARS}@${Array.from(host)[0] ?? ""}${STARS}${tld}`;
}

/**
 * "+1 555 010 0199" → "+1 *** *** **99": keeps an international prefix
 * ("+" and the digits before the first separator), the last two digits and
 * the layout; every other digit becomes "*".
 */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  const totalDigits = chars.filter((c) => /\d/.test(c)).length;
  let prefixOpen = chars[0] === "+";
  let seen = 0;
  return chars
    .map((c) => {
      if (!/\d/.test(c)) {
        if (c !== "+") prefixOpen = false;
        return c;
      }
      seen++;
      if (prefixOpen && seen <= 3 && totalDigits - seen >= 6) return c;
      prefixOpen = false;
      return seen > totalDigits - 2 ? c : "*";
    })
    .join("");
}
