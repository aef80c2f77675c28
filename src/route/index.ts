export { sanitizeInput, matchForms, canonical } from "./normalize.js";
export { loadSafetyRules, SafetyRulesError, type SafetyRules } from "./rules.js";
export { routeMessage, type RouteDecision, type RouteKind } from "./router.js";
export { resolveFollowUp } from "./follow-up.js";
