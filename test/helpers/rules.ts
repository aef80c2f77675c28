/** The shipped example clinic's compiled safety rules (defaults plus its own additions), as the server loads them. */
import path from "node:path";
import { clinicFiles } from "../../src/clinic-files.js";
import { assessRisk, loadClinicSafetyRules, routeIntent, sanitizeInput, type RouteKind, type SafetyRules } from "../../src/route/index.js";
import { EMPTY_TOPIC, type Topic } from "../../src/route/topic.js";

const root = path.resolve(import.meta.dirname, "../..");
export const EXAMPLE_CLINIC_DIR = path.join(root, "corpus/ketamine-pain");
export const DEFAULTS_DIR = path.join(root, "corpus/defaults");

export function clinicRules(clinicDir = EXAMPLE_CLINIC_DIR, topic: Topic = EMPTY_TOPIC): SafetyRules {
  return loadClinicSafetyRules(clinicFiles({ clinicDir, defaultsDir: DEFAULTS_DIR }).safety, topic);
}

/** How the assistant routes one message on its own: a clear crisis is the emergency reply, anything else goes by intent. */
export function routeAsAssistant(message: string, rules: SafetyRules): RouteKind {
  const text = sanitizeInput(message);
  return assessRisk(text, [], rules).level === "clear" ? "emergency" : routeIntent(text, rules).kind;
}
