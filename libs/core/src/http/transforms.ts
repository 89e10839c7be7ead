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
