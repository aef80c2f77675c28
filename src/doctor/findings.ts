/** How much a finding matters before going live. */
export type Severity = "blocking" | "warning" | "info";
