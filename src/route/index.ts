export { sanitizeInput, matchForms, canonical } from "./normalize.js";
export { loadSafetyRules, readSafetyRuleFiles, SafetyRulesError, type SafetyRules } from "./rules.js";
export { crisisScore, trainCrisisModel, type CrisisModel } from "./classifier.js";
export { routeMessage, type RouteDecision, type RouteKind } from "./router.js";
export { resolveFollowUp } from "./follow-up.js";
