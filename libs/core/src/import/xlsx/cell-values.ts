/**
 * The value rules of a worksheet's XML (ECMA-376 part 1, §18.3.1.4 and §18.8.30), free of any
 * parsing: column letters, date formats, date serials, and escaped characters in strings.
 */

/** `A` is 1, `Z` 26, `AA` 27; the letters of a reference such as `AB12`. 0 when there are none. */
export function columnNumber(reference: string): number {
  let number = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    number = number * 26 + (code - 64);
  }
  return number;
}

/** Number formats Excel builds in that show dates or times (§18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a number format shows a date: built in as one, or a custom code with a day, month,
 * year, hour or second outside quoted text, escaped characters and bracketed colours or locales.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (code === undefined) return false;
  const shown = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(shown) && !/^general$/i.test(shown.trim());
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Day 0 of each date system, as the serials from March 1900 on count it. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A date cell's serial as `YYYY-MM-DD` (the time of day dropped). The 1900 system counts a
 * 29 February 1900 that never was (serial 60), so the serials before it count from a day later.
 */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const day = Math.floor(serial);
  const epoch = date1904 ? EPOCH_1904 : day < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

/** Strings in a sheet escape characters XML cannot carry as `_xHHHH_` (a carriage return is `_x000D_`). */
export function unescapeXString(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
