/**
 * Widget settings from the embedding script tag's data-* attributes. Bad
 * values fall back to defaults and are reported (naming the attribute) so a
 * typo on a clinic's page never stops the widget from loading.
 */
import { parseColor, readableTextOn } from "./styles-color.js";

export interface WidgetConfig {
  /** Base URL of the API (origin, optionally with a path prefix), no trailing slash. */
  apiBase: string;
  title: string;
  greeting: string;
  position: "left" | "right";
  primaryColor: string;
  primaryTextColor: string;
  suggestions: string[];
  /** Book buttons open the in-widget request form instead of the booking page. */
  leadForm: boolean;
  /** Shown when the request form cannot reach the server. */
  phone: string | null;
  clinicName: string | null;
}

export interface ConfigResult {
  config: WidgetConfig;
  problems: string[];
}

export const DEFAULT_PRIMARY = "#0b5c6b";
export const MAX_SUGGESTIONS = 4;
const MAX_SUGGESTION_CHARS = 120;
const MAX_TITLE_CHARS = 60;
const MAX_GREETING_CHARS = 500;

type AttributeReader = (name: string) => string | null;

function text(value: string | null, max: number): string | null {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v.slice(0, max) : null;
}

function baseUrl(value: string, page: string): string | null {
  try {
    const url = new URL(value, page);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/**
 * @param attr reads a data-* attribute of the script tag (full name, e.g. "data-api")
 * @param scriptSrc the script's src: the API defaults to the origin serving it
 * @param pageUrl the embedding page's URL, for resolving relative values
 */
export function readWidgetConfig(attr: AttributeReader, scriptSrc: string | null, pageUrl: string, supportsColor?: (v: string) => boolean): ConfigResult {
  const problems: string[] = [];
  const ownOrigin = baseUrl(scriptSrc || pageUrl, pageUrl) ?? "";
  const scriptOrigin = ownOrigin ? new URL(ownOrigin).origin : "";

  let apiBase = scriptOrigin;
  const api = attr("data-api");
  if (api) {
    const parsed = baseUrl(api.trim(), pageUrl);
    if (parsed) apiBase = parsed;
    else problems.push(`data-api must be an http(s) URL such as https://assistant.clinic.example (got "${api.slice(0, 80)}")`);
  }

  const colour = (name: string): string | null => {
    const raw = attr(name);
    if (raw === null || raw.trim() === "") return null;
    const parsed = parseColor(raw, supportsColor);
    if (!parsed) problems.push(`${name} must be a CSS colour such as #0b5c6b or rgb(11 92 107)`);
    return parsed;
  };
  const primaryColor = colour("data-primary-color") ?? DEFAULT_PRIMARY;
  const primaryTextColor = colour("data-primary-text-color") ?? readableTextOn(primaryColor);

  const positionRaw = attr("data-position")?.trim().toLowerCase();
  if (positionRaw && positionRaw !== "left" && positionRaw !== "right") problems.push(`data-position must be "left" or "right"`);
  const position = positionRaw === "left" ? "left" : "right";

  const leadRaw = attr("data-lead-form")?.trim().toLowerCase();
  if (leadRaw && leadRaw !== "true" && leadRaw !== "false") problems.push(`data-lead-form must be "true" or "false"`);

  const suggestions = (attr("data-suggestions") ?? "")
    .split("|")
    .map((s) => text(s, MAX_SUGGESTION_CHARS))
    .filter((s): s is string => s !== null)
    .slice(0, MAX_SUGGESTIONS);

  const clinicName = text(attr("data-clinic-name"), 100);
  const phone = text(attr("data-phone"), 40);
  if (phone && !/^\+?[0-9()\-. ]{3,40}$/.test(phone)) problems.push("data-phone must be a phone number (digits, spaces, + ( ) - .)");

  return {
    config: {
      apiBase,
      title: text(attr("data-title"), MAX_TITLE_CHARS) ?? (clinicName ? `Ask ${clinicName}` : "Ask the clinic"),
      greeting:
        text(attr("data-greeting"), MAX_GREETING_CHARS) ??
        "Hello! I can answer general questions using our clinic's published articles. How can I help?",
      position,
      primaryColor,
      primaryTextColor,
      suggestions,
      leadForm: leadRaw === "true",
      phone: phone && /^\+?[0-9()\-. ]{3,40}$/.test(phone) ? phone : null,
      clinicName,
    },
    problems,
  };
}
