import { DtoField, Operation } from './route-catalog';
import {
  HOSTILE_BODIES,
  HOSTILE_IDS,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
  pick,
  queryText,
  Random,
} from './hostile-values';

/** Real ids of the small world, by the name a DTO field or path parameter gives them. */
export type KnownIds = Record<string, number | string>;

const PATTERN_SAMPLES = ['2026-Q1', '2026-H1', '2026', '2026-01-15', 'ABC1', 'a.b', 'Abc123'];

/** A value every validator of the field accepts, so that a case mutates one field only. */
function validValue(field: DtoField, ids: KnownIds): unknown {
  const rule = (name: string) => field.rules.find((r) => r.name === name);
  const isIn = rule('isIn');
  if (isIn) return (isIn.constraints[0] as unknown[])[0];
  const isEnum = rule('isEnum');
  if (isEnum) return Object.values(isEnum.constraints[0] as object)[0];
  const matches = rule('matches');
  if (matches) {
    const pattern = matches.constraints[0] as RegExp;
    return PATTERN_SAMPLES.find((sample) => new RegExp(pattern).test(sample)) ?? 'x';
  }
  if (rule('isInt') || rule('isNumber') || rule('isPositive'))
    return ids[field.name] ?? Math.max(1, Number(rule('min')?.constraints[0] ?? 1));
  if (rule('isBoolean')) return false;
  if (rule('isObject')) return {};
  if (rule('isArray')) return [];
  if (rule('isDateString') || rule('isISO8601')) return '2026-01-15';
  return 'Thử nghiệm';
}

const NUMERIC_RULES = ['isInt', 'isNumber', 'isPositive', 'min', 'max'];

/** Hostile values aimed at what the field expects: numbers for a number, text for text. */
function aimedValues(field: DtoField): readonly unknown[] {
  if (field.rules.some((rule) => NUMERIC_RULES.includes(rule.name))) return HOSTILE_NUMBERS;
  if (field.rules.some((rule) => ['isString', 'matches', 'maxLength'].includes(rule.name)))
    return HOSTILE_STRINGS;
  return HOSTILE_VALUES;
}

/** One request of the fuzz: enough to replay it by hand. */
export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  /** Raw JSON text, sent with Content-Type: application/json. */
  body?: string;
}

function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: send its (invalid) UTF-8 bytes as a careless client would.
    return [...text]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdfff)
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
        return encodeURIComponent(ch);
      })
      .join('');
  }
}

function queryPart(name: string, value: unknown): string {
  if (Array.isArray(value) && value.length <= 5)
    return value.map((item) => `${encode(name)}=${encode(queryText(item))}`).join('&');
  return `${encode(name)}=${encode(queryText(value))}`;
}

/** Builds the fuzz cases of one operation; `random` decides which hostile values go where. */
export class RequestBuilder {
  constructor(
    private readonly random: Random,
    private readonly ids: KnownIds,
    private readonly realPathValue: (operation: Operation, param: string) => string,
  ) {}

  private url(operation: Operation, hostileParam?: string, query = ''): string {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) =>
      param === hostileParam
        ? pick(this.random, HOSTILE_IDS)
        : this.realPathValue(operation, param),
    );
    return `/api${path}${query ? `?${query}` : ''}`;
  }

  private baseBody(fields: DtoField[]): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const field of fields.filter((f) => !f.optional))
      body[field.name] = validValue(field, this.ids);
    return body;
  }

  /** A valid body with `name` set to `value` (an own property, even for `__proto__`). */
  private body(operation: Operation, name?: string, value?: unknown): string | undefined {
    if (!operation.bodyFields) return undefined;
    const body = this.baseBody(operation.bodyFields);
    if (name !== undefined) Object.defineProperty(body, name, { value, enumerable: true });
    return JSON.stringify(body);
  }

  /** Two hostile values per field: one aimed at its type, one of any type. */
  private fieldValues(field: DtoField): unknown[] {
    return [pick(this.random, aimedValues(field)), pick(this.random, HOSTILE_VALUES)];
  }

  /**
   * Body cases: each field of an otherwise valid body in turn, an unknown or polluting key, and
   * `wholeBodies` bodies that are not the expected object at all.
   */
  bodyCases(operation: Operation, wholeBodies: number): FuzzRequest[] {
    if (!operation.bodyFields) return [];
    const at = (body: string | undefined): FuzzRequest => ({
      method: operation.method,
      url: this.url(operation),
      body,
    });
    const cases = operation.bodyFields.flatMap((field) =>
      this.fieldValues(field).map((value) => at(this.body(operation, field.name, value))),
    );
    const odd = pick(this.random, ['__proto__', 'constructor', 'x', '\u202E', '']);
    cases.push(at(this.body(operation, odd, pick(this.random, HOSTILE_VALUES))));
    for (let i = 0; i < wholeBodies; i++) cases.push(at(pick(this.random, HOSTILE_BODIES)));
    return cases;
  }

  /** Query cases: each known parameter in turn, then an unknown and a polluting name. */
  queryCases(operation: Operation): FuzzRequest[] {
    const at = (name: string, value: unknown): FuzzRequest => ({
      method: operation.method,
      url: this.url(operation, undefined, queryPart(name, value)),
      body: this.body(operation),
    });
    const cases = operation.queryFields.flatMap((field) =>
      this.fieldValues(field).map((value) => at(field.name, value)),
    );
    const odd = pick(this.random, ['__proto__[polluted]', 'constructor[prototype][polluted]']);
    cases.push(
      at(odd, 'yes'),
      at(pick(this.random, ['x', '\u202E', '%00']), pick(this.random, HOSTILE_VALUES)),
    );
    return cases;
  }

  /** Path cases: each path parameter in turn replaced by an id that is not one. */
  pathCases(operation: Operation, countPerParam: number): FuzzRequest[] {
    return operation.pathParams.flatMap((param) =>
      Array.from({ length: countPerParam }, () => ({
        method: operation.method,
        url: this.url(operation, param),
        body: this.body(operation),
      })),
    );
  }
}
