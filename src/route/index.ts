export { sanitizeInput, matchForms, canonical } from "./normalize.js";
export { loadSafetyRules, SafetyRulesError, type SafetyRules } from "./rules.js";
export { loadClinicSafetyRules, readClinicSafetyRules, mergeSafetyRuleFiles, type SafetyRuleSources } from "./rule-overrides.js";
export { routeMessage, routeIntent, type RouteDecision, type RouteKind } from "./router.js";
export { assessRisk, assessMessage, emergencyKind, RISK_LEVELS, type RiskAssessment, type RiskLevel } from "./risk.js";
export { needsPriorTopic, priorQuestion, resolveFollowUp, resolveWithPriorAnswer, type StandaloneQuestion } from "./follow-up.js";
