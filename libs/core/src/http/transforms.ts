type TransformInput = { value: unknown };

/** `@Transform(trimText)`: surrounding spaces never reach the database. */
export const trimText = ({ value }: TransformInput): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** `@Transform(collapseSpaces)`: names keep single spaces between words. */
export const collapseSpaces = ({ value }: TransformInput): unknown =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;

/** `@Transform(queryBoolean)`: query strings say "true"/"false"; anything else stays for IsBoolean to refuse. */
export const queryBoolean = ({ value }: TransformInput): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The largest id or count a query may name (the INT columns' range). */
export const MAX_WHOLE_NUMBER = 2_147_483_647;

/**
 * `@Transform(wholeNumber)` for ids and counts in query strings: decimal digits only, so `0x10`,
 * `1e3`, ` 7` or `1e300` are not read as numbers but left for IsInt to refuse with a 400.
 */
export const wholeNumber = ({ value }: TransformInput): unknown =>
  typeof value === 'string' && /^\d{1,10}$/.test(value) && Number(value) <= MAX_WHOLE_NUMBER
    ? Number(value)
    : value;
