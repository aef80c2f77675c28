/**
 * Limits the API enforces, restated here because the widget bundle must not
 * import the zod schemas (they would add zod to a 20 KB budget). A unit test
 * checks these against src/contract.ts and src/leads/schema.ts.
 */
export const MAX_MESSAGE_CHARS = 2000;
export const MAX_HISTORY_TURNS = 10;
export const MAX_TURN_CHARS = 8000;

export const MAX_NAME_CHARS = 100;
export const MAX_EMAIL_CHARS = 254;
export const MAX_PHONE_CHARS = 30;
export const MAX_PREFERRED_TIME_CHARS = 100;
export const MAX_REASON_CHARS = 500;
