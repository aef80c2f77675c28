export { sanitizeInput, matchForms, canonical } from "./normalize.js";
export { loadSafetyRules, SafetyRulesError, type SafetyRules } from "./rules.js";
export { routeMessage, type RouteDecision, type RouteKind } from "./router.js";
export { needsPriorTopic, priorQuestion, resolveFollowUp, resolveWithPriorAnswer, type StandaloneQuestion } from "./follow-up.js";
