/** Codes of agencies, units and people: what HR systems use, no spaces. */
export const RECORD_CODE = /^[A-Za-z0-9._/-]{1,32}$/;
export const RECORD_CODE_RULE = '1 to 32 letters, digits, dots, dashes, slashes or underscores';
