/**
 * Entry point of /widget.js. Embedding:
 *
 *   <script src="https://assistant.clinic.example/widget.js" async
 *           data-title="Ask our clinic" data-primary-color="#0b5c6b"></script>
 *
 * Attributes: data-api, data-title, data-greeting, data-primary-color,
 * data-primary-text-color, data-position (left|right), data-suggestions
 * (pipe-separated), data-lead-form (true|false), data-phone, data-clinic-name.
 */
import { HOST_TAG, mountWidget } from "./app.js";
import { readWidgetConfig } from "./config.js";

(() => {
  // Only readable while this script runs for the first time, so read it before anything async.
  const script = document.currentScript as HTMLScriptElement | null;
  const attr = (name: string) => script?.getAttribute(name) ?? null;
  const supports = typeof CSS !== "undefined" && typeof CSS.supports === "function" ? (v: string) => CSS.supports("color", v) : undefined;
  const { config, problems } = readWidgetConfig(attr, script?.src || null, location.href, supports);
  for (const problem of problems) console.warn(`[clinic chat widget] ${problem}`);

  const start = () => {
    // The tag may be pasted twice (e.g. site template + page): one widget only.
    if (document.querySelector(HOST_TAG)) return;
    mountWidget(config);
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
})();
