/**
 * The API's field-level problems in Vietnamese (UI.md: the whole interface is in Vietnamese).
 *
 * The API says what is wrong with a field in English (`details: [{field, message}]` of a 400,
 * `[{row, column, message}]` of an import), and those sentences are part of its contract; the
 * domain checks the web runs itself (libs/domain checkCriteriaSet, checkValue) say the same.
 * This is the one place that puts them in Vietnamese: a table of patterns, each with its
 * sentence, keeping the numbers and values the message names. class-validator's messages begin
 * with the property ("name should not be empty"): the property is dropped, the field says it.
 * A message no pattern knows reads as FALLBACK_MESSAGE, so that no English reaches the screen.
 */
import {
  CATEGORY_LABELS,
  formatDate,
  formatPeriod,
  GRADE_LABELS,
  NOMINATION_STATUS_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from '../format';
import { KIND_LABELS, TARGET_LABELS } from '../features/criteria/criteria-labels';
import { CHECK_LABELS } from '../features/shared/check-labels';

/** What an unknown message reads as. */
export const FALLBACK_MESSAGE = 'Giá trị không hợp lệ';

/** The values of the API's lists (roles, kinds, categories, statuses…) as the interface names them. */
const VALUE_LABELS: Record<string, string> = {
  ...KIND_LABELS,
  ...TARGET_LABELS,
  ...ROLE_LABELS,
  ...CATEGORY_LABELS,
  ...STATUS_LABELS,
  ...NOMINATION_STATUS_LABELS,
  published: 'Đã công bố',
  open: 'Đang mở',
  closed: 'Đã khoá',
  city: 'Thành phố',
  unit: 'Phòng ban',
  partial: 'Chỉ ghi các dòng hợp lệ',
  all: 'Có dòng lỗi thì không ghi gì',
  json: 'JSON',
  xlsx: 'XLSX',
  csv: 'CSV',
  pdf: 'PDF',
};

/** "7.5" → "7,5": numbers are written with a decimal comma (UI.md). */
function num(text: string): string {
  return text.replace(/^(-?\d+)\.(\d+)$/, '$1,$2');
}

/** "a, b, c" → "a, b hoặc c". */
function joinOr(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} hoặc ${items[items.length - 1]}`;
}

/**
 * A list of values as "Cán bộ (cadre), Công chức (civil_servant) hoặc …": the label people
 * know and the code a file must hold. Null when a value has no Vietnamese name.
 */
function valueList(text: string): string | null {
  const values = text.split(/,\s*/).filter(Boolean);
  const named = values.map((value) => {
    const label = VALUE_LABELS[value];
    if (label === undefined) return null;
    return label.toLowerCase() === value.toLowerCase() ? label : `${label} (${value})`;
  });
  return named.length > 0 && named.every((x) => x !== null) ? joinOr(named as string[]) : null;
}

function kindOf(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

const roleOf = (role: string): string => (ROLE_LABELS as Record<string, string>)[role] ?? role;

/** "2025-03-01" → "01/03/2025" */
const dateOf = (date: string): string => formatDate(date);

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const n = (source: string) => new RegExp(`^${source.replaceAll('N', NUMBER)}$`);

type Say = (match: RegExpExecArray, field: string) => string;

/**
 * Every message the API and libs/domain give a person of the web app, once the property that
 * begins a class-validator message is taken off. Order matters where one pattern is the start
 * of another: the longer comes first.
 */
const RULES: readonly (readonly [RegExp, Say])[] = [
  // class-validator's default messages of the decorators the DTOs use.
  [
    /^(?:each value in )?nested property \S+ must be either object or array$/,
    () => 'Dữ liệu không đúng dạng',
  ],
  [/^property \S+ should not exist$/, () => 'Không được gửi trường dữ liệu này'],
  [/^an unknown value was passed to the validate function$/, () => 'Dữ liệu gửi lên không hợp lệ'],
  [/^must be a string$/, () => 'Phải là văn bản'],
  [n('must be shorter than or equal to N characters'), (m) => `Không được dài quá ${m[1]} ký tự`],
  [
    n('must be longer than or equal to N characters'),
    (m) => (m[1] === '1' ? 'Không được để trống' : `Phải có ít nhất ${m[1]} ký tự`),
  ],
  [n('must not be less than N'), (m) => `Không được nhỏ hơn ${num(m[1])}`],
  [n('must not be greater than N'), (m) => `Không được lớn hơn ${num(m[1])}`],
  [/^must be an integer number$/, () => 'Phải là số nguyên'],
  [
    /^must be one of the following values: (.*)$/,
    (m) => {
      const list = valueList(m[1]);
      return list ? `Phải là một trong các giá trị: ${list}` : 'Giá trị không có trong danh sách';
    },
  ],
  [/^must match .* regular expression$/, () => 'Không đúng định dạng'],
  [/^must be a boolean value$/, () => 'Phải là Có hoặc Không'],
  [/^must be a number conforming to the specified constraints$/, () => 'Phải là một số'],
  [/^must be an object$/, () => 'Dữ liệu không đúng dạng'],
  [/^must be an array$/, () => 'Phải là một danh sách'],
  [n('must contain no more than N elements'), (m) => `Không được có quá ${m[1]} mục`],
  [/^must be a valid ISO 8601 date string$/, () => 'Phải là một ngày hợp lệ'],
  [/^should not be (?:empty|null or undefined)$/, () => 'Không được để trống'],

  // The DTOs' own messages, the pipes and the field checks of the services.
  [
    n('must be N to N letters, digits, dots, dashes, slashes or underscores'),
    (m) =>
      `Phải gồm ${m[1]} đến ${m[2]} ký tự: chữ cái, chữ số, dấu chấm, dấu gạch ngang, dấu gạch chéo hoặc dấu gạch dưới`,
  ],
  [
    n('must be N to N letters, digits, dots, dashes, underscores or @'),
    (m) =>
      `Phải gồm ${m[1]} đến ${m[2]} ký tự: chữ cái, chữ số, dấu chấm, dấu gạch ngang, dấu gạch dưới hoặc @`,
  ],
  [
    n('must be N to N letters, digits, "_", "\\." or "-"'),
    (m) => `Phải gồm ${m[1]} đến ${m[2]} ký tự: chữ cái, chữ số, "_", "." hoặc "-"`,
  ],
  [
    /^must be a quarter(?: YYYY-Qn| such as \S+| like \S+)$/,
    () => 'Phải là một quý dạng YYYY-Qn, ví dụ 2025-Q1',
  ],
  [
    /^must be YYYY-Qn, YYYY-Hn or YYYY$/,
    () => 'Phải là một quý (YYYY-Qn), nửa năm (YYYY-Hn) hoặc năm (YYYY)',
  ],
  [
    /^must be (?:a half )?YYYY-H1, YYYY-H2 or (?:a year )?YYYY$/,
    () => 'Phải là nửa năm (YYYY-H1, YYYY-H2) hoặc năm (YYYY)',
  ],
  [/^must be a date YYYY-MM-DD$/, () => 'Phải là một ngày dạng YYYY-MM-DD'],
  [/^must be a real date written YYYY-MM-DD$/, () => 'Phải là một ngày có thật, dạng YYYY-MM-DD'],
  [/^must be an address under (\S+)$/, (m) => `Phải là một địa chỉ trong ${m[1]}`],
  [
    /^must not contain control or bidirectional-override characters$/,
    () => 'Không được chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản',
  ],
  [n('nests deeper than N levels'), (m) => `Dữ liệu lồng nhau quá ${m[1]} cấp`],
  [/^has more than (\d+) (?:items|keys)$/, (m) => `Có quá ${m[1]} mục`],
  [/^must be a positive whole number$/, () => 'Phải là số nguyên dương'],
  [/^must be xlsx, csv or pdf$/, () => 'Phải là XLSX, CSV hoặc PDF'],
  [/^city-wide callers must name an agency$/, () => 'Hãy chọn một cơ quan'],
  [
    /^(\d{4}-Q[1-4]) has not started yet \(today is (\d{4}-\d{2}-\d{2})\)$/,
    (m) => `${formatPeriod(m[1])} chưa bắt đầu (hôm nay là ${dateOf(m[2])})`,
  ],
  [
    /^must be a criterion counted from incidents of set (.+) v(\d+)$/,
    (m) => `Phải là tiêu chí lấy từ vi phạm của bộ tiêu chí ${m[1]} phiên bản ${m[2]}`,
  ],
  [
    /^name the agency whose people go in the template$/,
    () => 'Hãy chọn cơ quan có nhân sự cần đưa vào mẫu',
  ],
  [
    /^(agency|person) \d+ does not exist$/,
    (m) =>
      m[1] === 'agency' ? 'Cơ quan được chọn không tồn tại' : 'Nhân sự được chọn không tồn tại',
  ],
  [
    /^(agency|person) \d+ is inactive$/,
    (m) =>
      m[1] === 'agency'
        ? 'Cơ quan được chọn đã ngừng hoạt động'
        : 'Nhân sự được chọn không còn làm việc',
  ],
  [
    /^names (\d+) criteria; set (.+) v(\d+) has (\d+)$/,
    (m) => `Có ${m[1]} tiêu chí, nhiều hơn ${m[4]} tiêu chí của bộ ${m[2]} phiên bản ${m[3]}`,
  ],
  [
    /^is not a criterion of the set this evaluation uses \((.+) v(\d+)\)$/,
    (m) => `Không phải tiêu chí của bộ tiêu chí mà phiếu này dùng (${m[1]} phiên bản ${m[2]})`,
  ],
  [
    /^is not a criterion of set (.+) v(\d+)$/,
    (m) => `Không phải tiêu chí của bộ tiêu chí ${m[1]} phiên bản ${m[2]}`,
  ],
  [/^is not a criterion of the set$/, () => 'Không phải tiêu chí của bộ tiêu chí'],
  [
    /^is counted from incidents and cannot be (?:typed in|entered by hand)$/,
    () => 'Được đếm từ vi phạm, không nhập tay',
  ],
  [
    /^is counted from incidents and cannot be imported$/,
    () => 'Được đếm từ vi phạm, không nhập từ tệp',
  ],
  [/^must be a text of at most (\d+) characters$/, (m) => `Không được dài quá ${m[1]} ký tự`],
  [/^is required to submit$/, () => 'Cần nhập trước khi gửi duyệt'],
  [
    /^agencies are (judged|ranked) city-wide only$/,
    (m) =>
      m[1] === 'judged'
        ? 'Cơ quan chỉ được xét trong phạm vi toàn thành phố'
        : 'Cơ quan chỉ được xếp hạng trong phạm vi toàn thành phố',
  ],
  [
    /^an agency's list takes people of that agency$/,
    () => 'Danh sách của cơ quan chỉ gồm nhân sự của cơ quan đó',
  ],
  [/^the city's list takes agencies$/, () => 'Danh sách của thành phố chỉ gồm các cơ quan'],
  [
    /^required: the subject is not an exemplary candidate \((.*)\)$/,
    (m) => {
      const checks = m[1].split(/,\s*/).map((check) => CHECK_LABELS[check]);
      const why =
        m[1] === 'no roll-up for the period'
          ? 'chưa có kết quả tổng hợp của kỳ'
          : checks.every(Boolean)
            ? `chưa đạt: ${checks.join(', ')}`
            : 'chưa đạt đủ các điều kiện';
      return `Cần nêu lý do: đối tượng chưa đủ điều kiện gương điển hình (${why})`;
    },
  ],
  [
    /^the person does not belong to the list's agency$/,
    () => 'Nhân sự này không thuộc cơ quan của danh sách',
  ],
  [/^an? (\w+) belongs to one agency$/, (m) => `Vai trò ${roleOf(m[1])} phải thuộc một cơ quan`],
  [
    /^an? (\w+) works city-wide and has no agency$/,
    (m) => `Vai trò ${roleOf(m[1])} làm việc trên toàn thành phố, không thuộc cơ quan nào`,
  ],
  [/^unit \d+ does not belong to agency \d+$/, () => 'Phòng ban được chọn không thuộc cơ quan này'],
  [/^a unit cannot sit under itself$/, () => 'Phòng ban không thể nằm dưới chính nó'],

  // A file refused before its rows are read (field `file`).
  [
    /^a CSV or XLSX file is required in the multipart field "file"$/,
    () => 'Hãy chọn một tệp CSV hoặc XLSX',
  ],
  [/^row (\d+) has more than (\d+) columns$/, (m) => `Dòng ${m[1]} có quá ${m[2]} cột`],
  [/^at most (\d+) rows per file$/, (m) => `Mỗi tệp chỉ được có tối đa ${m[1]} dòng`],
  [
    /^no header row naming (.+) in the first (\d+) rows$/,
    (m) =>
      `Không tìm thấy dòng tiêu đề có cột ${joinOr(m[1].split(' or '))} trong ${m[2]} dòng đầu`,
  ],
  [/^is not a readable (CSV|XLSX) file(?:: [\s\S]*)?$/, (m) => `Không đọc được tệp ${m[1]}`],
  [/^has no worksheet$/, () => 'Tệp không có trang tính nào'],
  [/^needs more memory to read than an upload may use$/, () => 'Tệp cần quá nhiều bộ nhớ để đọc'],
  [/^could not be read(?:: [\s\S]*| \([\s\S]*\))$/, () => 'Không đọc được tệp'],
  [n('took longer than N s to read'), (m) => `Đọc tệp mất quá ${num(m[1])} giây`],
  [
    /^holds (\d+) files; an XLSX has at most (\d+)$/,
    (m) => `Tệp chứa ${m[1]} tệp con; tệp XLSX chỉ có tối đa ${m[2]}`,
  ],
  [
    n('unpacks to more than N MB; refused unread'),
    (m) => `Tệp giải nén ra quá ${num(m[1])} MB nên không được đọc`,
  ],
  [
    /^.+ is compressed (\d+) times \(at most (\d+)\); refused unread$/,
    (m) => `Tệp bị nén quá mức (${m[1]} lần, tối đa ${m[2]} lần) nên không được đọc`,
  ],

  // The checks of a criteria set (libs/domain criteria-definition.ts).
  [/^must list at least one criterion$/, () => 'Phải có ít nhất một tiêu chí'],
  [/^duplicates the code of criteria\[(\d+)\]$/, (m) => `Trùng mã với tiêu chí ${+m[1] + 1}`],
  [
    /^must have at least one base \(non-bonus\) criterion$/,
    () => 'Phải có ít nhất một tiêu chí không phải điểm thưởng',
  ],
  [
    /^must be a non-empty text of at most (\d+) characters$/,
    (m) => `Không được để trống và không được dài quá ${m[1]} ký tự`,
  ],
  [
    /^must be one of (.+)$/,
    (m) => {
      const list = valueList(m[1]);
      return list ? `Phải là một trong các giá trị: ${list}` : 'Giá trị không có trong danh sách';
    },
  ],
  [
    n('must be a number above N(?: and at most N)?, with at most N decimals'),
    (m) =>
      `Phải là số lớn hơn ${num(m[1])}${m[2] ? ` và không quá ${num(m[2])}` : ''}, có tối đa ${m[3]} chữ số thập phân`,
  ],
  [
    n('must be a number between N and N, with at most N decimals'),
    (m) => `Phải là số từ ${num(m[1])} đến ${num(m[2])}, có tối đa ${m[3]} chữ số thập phân`,
  ],
  [
    /^is required for an? (score|boolean|percentage|count) criterion$/,
    (m) => `Bắt buộc với tiêu chí loại ${kindOf(m[1])}`,
  ],
  [
    /^is allowed only on an? (score|boolean|percentage|count)(?: or (score|boolean|percentage|count))? criterion$/,
    (m) => `Chỉ dùng cho tiêu chí loại ${joinOr([m[1], m[2]].filter(Boolean).map(kindOf))}`,
  ],
  [/^must be true or false$/, () => 'Phải là Có hoặc Không'],
  [
    /^must be an object with A, B and C$/,
    () => `Phải gồm các ngưỡng ${GRADE_LABELS.A}, ${GRADE_LABELS.B} và ${GRADE_LABELS.C}`,
  ],
  [
    n('must be greater than ([ABC]) \\(N\\)'),
    (m) => `Phải lớn hơn ngưỡng ${GRADE_LABELS[m[1] as 'A' | 'B' | 'C']} (${num(m[2])})`,
  ],

  // The checks of a value (libs/domain criterion-value.ts).
  [/^must be a number$/, () => 'Phải là một số'],
  [n('must be between N and N'), (m) => `Phải từ ${num(m[1])} đến ${num(m[2])}`],
  [
    n('must be a percentage between N and N'),
    (m) => `Phải là phần trăm từ ${num(m[1])} đến ${num(m[2])}`,
  ],
  [/^must be a whole number, 0 or more$/, () => 'Phải là số nguyên từ 0 trở lên'],
  [/^has an unknown kind .*$/, () => 'Loại tiêu chí không hợp lệ'],
  [/^must have at most (\d+) decimals$/, (m) => `Chỉ được có tối đa ${m[1]} chữ số thập phân`],

  // The rows of an import (people and evaluations).
  [
    /^unknown column (.+): not a criterion of set (.+) v(\d+)$/,
    (m) => `Cột ${m[1]} không phải tiêu chí của bộ tiêu chí ${m[2]} phiên bản ${m[3]}`,
  ],
  [/^unknown column (.+)$/, (m) => `Cột ${m[1]} không có trong mẫu nhập`],
  [
    /^(.+?) appears twice in the file(?: \(row (\d+)\))?$/,
    (m) => `${m[1]} xuất hiện hai lần trong tệp${m[2] ? ` (lần đầu ở dòng ${m[2]})` : ''}`,
  ],
  [
    /^(.+) differs only in letter case from the existing code (.+)$/,
    (m) => `${m[1]} chỉ khác mã đã có ${m[2]} ở chữ hoa, chữ thường`,
  ],
  [
    /^unknown (employee|agency) code (.+?)( in your agency)?$/,
    (m) =>
      `Không có ${m[1] === 'agency' ? 'cơ quan' : 'nhân sự'} mã ${m[2]}${m[3] ? ' trong cơ quan của bạn' : ''}`,
  ],
  [/^unknown agency (.+)$/, (m) => `Không có cơ quan mã ${m[1]}`],
  [/^is required for a new person$/, () => 'Bắt buộc với nhân sự mới'],
  [/^belongs to another agency$/, () => 'Thuộc cơ quan khác'],
  [
    /^use POST \S+ to move a person$/,
    () => 'Không thể chuyển nhân sự sang cơ quan khác bằng tệp nhập',
  ],
  [/^at most (\d+) characters$/, (m) => `Không được dài quá ${m[1]} ký tự`],
  [/^no unit (.+) in that agency$/, (m) => `Cơ quan không có phòng ban mã ${m[1]}`],
  [/^is empty$/, () => 'Không được để trống'],
  [
    /^the (\d{4}-Q[1-4]) evaluation of (.+) belongs to another agency$/,
    (m) => `Phiếu đánh giá ${formatPeriod(m[1])} của ${m[2]} thuộc cơ quan khác`,
  ],
  [
    /^the evaluation of (.+) is (\w+); only drafts and returned evaluations are updated$/,
    (m) =>
      `Phiếu đánh giá của ${m[1]} đang ở trạng thái «${VALUE_LABELS[m[2]] ?? m[2]}»; chỉ cập nhật được phiếu ở trạng thái «${STATUS_LABELS.draft}» hoặc «${STATUS_LABELS.returned}»`,
  ],
  [
    /^(.+) is inactive$/,
    (m, field) =>
      field === 'agencyCode'
        ? `Cơ quan ${m[1]} đã ngừng hoạt động`
        : `Nhân sự ${m[1]} không còn làm việc`,
  ],
  [
    /^must be true or false, got "([\s\S]*)"$/,
    (m) => `Phải là Có hoặc Không, không phải «${m[1]}»`,
  ],
  [/^must be a number, got "([\s\S]*)"$/, (m) => `Phải là một số, không phải «${m[1]}»`],
];

function translated(message: string, field: string): string | null {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message);
    if (match) return say(match, field);
  }
  return null;
}

/** The last property of a field path: `criteria[2].maxPoints` → `maxPoints`. */
function propertyOf(field: string): string | undefined {
  return field
    .split(/[.[\]]+/)
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .pop();
}

/**
 * An API or domain problem message in Vietnamese, for the field it is about (a field path, or an
 * import's column): "maxPoints must not be less than 0" → "Không được nhỏ hơn 0".
 */
export function vietnameseMessage(message: string, field = ''): string {
  const text = message.trim();
  const direct = translated(text, field);
  if (direct !== null) return direct;
  // class-validator: "[each value in ]<property> <rule>".
  const rest = text.replace(/^each value in /, '');
  const property = propertyOf(field);
  const rule =
    property && rest.startsWith(`${property} `)
      ? rest.slice(property.length + 1)
      : rest.replace(/^[A-Za-z_$][\w$]*\s+/, '');
  return translated(rule, field) ?? FALLBACK_MESSAGE;
}

/** The fields of one criterion, as CriterionFields labels them. */
const CRITERION_FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên tiêu chí',
  group: 'Nhóm',
  kind: 'Loại',
  maxPoints: 'Điểm tối đa',
  target: 'Chỉ tiêu (%)',
  penaltyPerUnit: 'Trừ mỗi lần',
  bonus: 'Điểm thưởng',
  fromIncidents: 'Lấy từ vi phạm',
  disqualifying: 'Loại trừ',
};

/** Top-level fields of the API's bodies and imports, as the forms label them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  code: 'Mã',
  target: 'Áp dụng cho',
  thresholds: 'Ngưỡng xếp loại',
  criteria: 'Danh sách tiêu chí',
  values: 'Giá trị các tiêu chí',
  notes: 'Ghi chú các tiêu chí',
  checklist: 'Kết quả kiểm tra',
  version: 'Phiên bản',
  period: 'Kỳ',
  subjectType: 'Loại đối tượng',
  subjectId: 'Đối tượng',
  agencyId: 'Cơ quan',
  unitId: 'Phòng ban',
  parentId: 'Thuộc phòng ban',
  employeeCode: 'Mã nhân sự',
  fullName: 'Họ và tên',
  position: 'Chức vụ',
  category: 'Đối tượng',
  partyMember: 'Đảng viên',
  agencyCode: 'Mã cơ quan',
  unitCode: 'Mã phòng ban',
  agencyName: 'Tên cơ quan',
  unitName: 'Tên phòng ban',
  no: 'STT',
  active: 'Đang làm việc',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  role: 'Vai trò',
  criterionCode: 'Tiêu chí',
  occurredOn: 'Ngày',
  note: 'Ghi chú',
  visitedOn: 'Ngày kiểm tra',
  leader: 'Trưởng đoàn',
  members: 'Thành viên đoàn',
  strengths: 'Ưu điểm',
  shortcomings: 'Tồn tại, hạn chế',
  recommendations: 'Kiến nghị',
  title: 'Tên danh sách',
  achievement: 'Thành tích',
  overrideReason: 'Lý do đề nghị ngoài danh sách ứng viên',
  decision: 'Quyết định',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  reason: 'Lý do',
  file: 'Tệp',
  mode: 'Cách nhập',
  format: 'Định dạng tệp',
  scope: 'Phạm vi',
  body: 'Dữ liệu gửi lên',
};

/** A criterion's code and name, to name `values.A1` by its criterion. */
export interface NamedCriterion {
  code: string;
  name?: string | null;
}

/** What a page knows to name fields better: its criteria, its own labels of top-level fields. */
export interface FieldContext {
  criteria?: readonly NamedCriterion[];
  labels?: Readonly<Record<string, string>>;
}

/**
 * A field path in Vietnamese, as the editor labels it: `criteria[2].target` → "Tiêu chí 3 –
 * Chỉ tiêu (%)", `thresholds.A` → "Ngưỡng Xuất sắc", `values.A1` → "Tiêu chí A1 (its name)".
 * Null for a path the interface has no name for.
 */
export function fieldLabel(path: string, context: FieldContext = {}): string | null {
  const [head, second, third] = path.split(/[.[\]]+/).filter(Boolean);
  if (head === undefined) return null;
  if (head === 'criteria' && second !== undefined && /^\d+$/.test(second)) {
    const which = `Tiêu chí ${Number(second) + 1}`;
    const label = third === undefined ? undefined : CRITERION_FIELD_LABELS[third];
    return label ? `${which} – ${label}` : which;
  }
  if (head === 'thresholds' && (second === 'A' || second === 'B' || second === 'C'))
    return `Ngưỡng ${GRADE_LABELS[second]}`;
  if ((head === 'values' || head === 'checklist' || head === 'notes') && second !== undefined) {
    const name = context.criteria?.find((c) => c.code === second)?.name;
    const which = `Tiêu chí ${second}${name ? ` (${name})` : ''}`;
    return head === 'notes' ? `Ghi chú – ${which}` : which;
  }
  return context.labels?.[head] ?? FIELD_LABELS[head] ?? null;
}

/** A field problem as one line of a list: "Tiêu chí 3 – Chỉ tiêu (%): Bắt buộc với …". */
export function describeProblem(
  problem: { field: string; message: string },
  context: FieldContext = {},
): string {
  const label = fieldLabel(problem.field, context);
  const message = vietnameseMessage(problem.message, problem.field);
  return label ? `${label}: ${message}` : message;
}

/** An import's column as the rejected-rows table shows it: "employeeCode (Mã nhân sự)". */
export function columnLabel(column: string | null): string {
  if (column === null || column === '') return '–';
  const label = FIELD_LABELS[column];
  return label ? `${column} (${label})` : column;
}
