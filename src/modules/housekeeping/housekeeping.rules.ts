// The retention rules that are not configuration (docs/privacy/README.md, "How long").

/** An open dossier without activity this long shows as inactive in the coordinator's caseload. */
export const INACTIVE_MONTHS = 12;
/** ... and is closed as dropped out (uitgevallen) after this long. */
export const DROPPED_OUT_MONTHS = 18;
/** Staff without a sign-in this long are disabled. */
export const IDLE_STAFF_MONTHS = 6;
