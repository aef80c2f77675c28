/**
 * Which links the product will put in front of a patient. One rule for both
 * ends: the widget renders only what `safeHref` accepts, and the config check
 * refuses clinic actions the widget would drop — an emergency reply whose
 * call button silently disappeared is worse than a server that will not start.
 * No imports: the widget bundles this file.
 */

const WEB_PROTOCOLS = new Set(["http:", "https:"]);
const DIAL_PROTOCOLS = new Set(["tel:", "sms:"]);
/** A phone number as written in tel:/sms: links: digits with the usual visual separators. */
const DIAL_NUMBER = /^\+?[0-9().\- ]+$/;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function dialable(parsed: URL): boolean {
  const number = parsed.pathname;
  return DIAL_NUMBER.test(number) && (number.match(/\d/g)?.length ?? 0) >= 2 && parsed.search === "" && parsed.hash === "";
}

/**
 * The absolute URL when it is http(s), or a tel:/sms: link with a phone
 * number; null for anything else (javascript:, data:, "tel:abc", garbage).
 */
export function safeHref(url: string | null | undefined, base?: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (WEB_PROTOCOLS.has(parsed.protocol)) return parsed.href;
  if (DIAL_PROTOCOLS.has(parsed.protocol) && dialable(parsed)) return parsed.href;
  return null;
}

/** A tel: or sms: link the widget renders as a call button. */
export function isDialHref(url: string | null | undefined): boolean {
  const href = safeHref(url);
  return href !== null && (href.startsWith("tel:") || href.startsWith("sms:"));
}

/** https, or http to this machine (a local demo); patients' browsers should never be sent to plain http elsewhere. */
export function isSecureWebHref(url: string | null | undefined): boolean {
  const href = safeHref(url);
  if (!href || isDialHref(href)) return false;
  const { protocol, hostname } = new URL(href);
  return protocol === "https:" || LOCAL_HOSTS.has(hostname);
}

/** Why a configured action would not work in the widget, or null when it will. */
export function actionHrefProblem(action: { kind: string; href: string }): string | null {
  if (action.kind === "call") {
    return isDialHref(action.href) ? null : `a call action needs a tel: or sms: link with a phone number (e.g. "tel:988"), not ${JSON.stringify(action.href)}`;
  }
  return isSecureWebHref(action.href) ? null : `a ${action.kind} action needs an https:// link (http:// only for localhost), not ${JSON.stringify(action.href)}`;
}
