import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-errors';

/**
 * Characters no text field may hold: C0/C1 control characters except tab, line feed and carriage
 * return (U+0000 truncates strings in C libraries and some exports), the bidirectional embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069: "‮" makes a name read backwards) and lone
 * surrogates (not text at all; MariaDB refuses them with an error).
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
export const FORBIDDEN_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
/* eslint-enable no-control-regex */

export const FORBIDDEN_TEXT_RULE = 'must not contain control or bidirectional-override characters';

/** The path of the first string (value or key) in `value` that holds a forbidden character. */
export function firstForbiddenText(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (FORBIDDEN_TEXT.test(item)) return path;
    } else if (Array.isArray(item)) {
      item.forEach((element, index) => stack.push([element, `${path}[${index}]`]));
    } else if (item !== null && typeof item === 'object' && !Buffer.isBuffer(item)) {
      for (const [key, element] of Object.entries(item)) {
        const child = path ? `${path}.${key}` : key;
        if (FORBIDDEN_TEXT.test(key)) return child;
        stack.push([element, child]);
      }
    }
  }
  return null;
}

/**
 * The one check every text field of every request goes through (global, before validation):
 * bodies, query strings and route parameters, whatever DTO they end in.
 */
@Injectable()
export class PlainTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'param' ? (metadata.data ?? 'param') : (metadata.data ?? '');
    const field = firstForbiddenText(value, root);
    if (field !== null) throw ValidationFailed.field(field || metadata.type, FORBIDDEN_TEXT_RULE);
    return value;
  }
}
