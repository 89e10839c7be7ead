import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ts from 'typescript';
import { CRITERION_KINDS, MAX_POINTS_LIMIT, VALUE_MAX_DECIMALS } from '@app/domain';
import {
  columnLabel,
  describeProblem,
  FALLBACK_MESSAGE,
  fieldLabel,
  vietnameseMessage,
} from './field-messages';

// One row per pattern: [field, message as the API or libs/domain says it, Vietnamese].
const ROWS: [string, string, string][] = [
  // class-validator defaults (libs/*/src/**/dto*), property first.
  [
    'criteria',
    'each value in nested property criteria must be either object or array',
    'Dữ liệu không đúng dạng',
  ],
  [
    'thresholds',
    'nested property thresholds must be either object or array',
    'Dữ liệu không đúng dạng',
  ],
  ['foo', 'property foo should not exist', 'Không được gửi trường dữ liệu này'],
  ['', 'an unknown value was passed to the validate function', 'Dữ liệu gửi lên không hợp lệ'],
  ['criteria.0.code', 'code must be a string', 'Phải là văn bản'],
  ['name', 'name must be shorter than or equal to 255 characters', 'Không được dài quá 255 ký tự'],
  ['name', 'name must be longer than or equal to 1 characters', 'Không được để trống'],
  ['password', 'password must be longer than or equal to 8 characters', 'Phải có ít nhất 8 ký tự'],
  ['limit', 'limit must not be less than 1', 'Không được nhỏ hơn 1'],
  ['criteria.0.maxPoints', 'maxPoints must not be less than 0', 'Không được nhỏ hơn 0'],
  ['limit', 'limit must not be greater than 500', 'Không được lớn hơn 500'],
  ['agencyId', 'agencyId must be an integer number', 'Phải là số nguyên'],
  [
    'category',
    'category must be one of the following values: cadre, civil_servant, public_employee, worker, contract',
    'Phải là một trong các giá trị: Cán bộ (cadre), Công chức (civil_servant), Viên chức (public_employee), Người lao động (worker) hoặc Hợp đồng (contract)',
  ],
  [
    'format',
    'format must be one of the following values: json, xlsx, csv, pdf',
    'Phải là một trong các giá trị: JSON, XLSX, CSV hoặc PDF',
  ],
  [
    'role',
    'role must be one of the following values: admin, hr_officer, department_head, nominator, inspector',
    'Phải là một trong các giá trị: Quản trị (admin), Cán bộ tổ chức (hr_officer), Lãnh đạo đơn vị (department_head), Cán bộ thi đua (nominator) hoặc Đoàn kiểm tra (inspector)',
  ],
  ['x', 'x must be one of the following values: zzz', 'Giá trị không có trong danh sách'],
  ['code', 'code must match /^a$/ regular expression', 'Không đúng định dạng'],
  ['partyMember', 'partyMember must be a boolean value', 'Phải là Có hoặc Không'],
  ['thresholds.A', 'A must be a number conforming to the specified constraints', 'Phải là một số'],
  ['values', 'values must be an object', 'Dữ liệu không đúng dạng'],
  ['criteria', 'criteria must be an array', 'Phải là một danh sách'],
  ['criteria', 'criteria must contain no more than 200 elements', 'Không được có quá 200 mục'],
  ['from', 'from must be a valid ISO 8601 date string', 'Phải là một ngày hợp lệ'],
  ['name', 'name should not be empty', 'Không được để trống'],
  ['name', 'name should not be null or undefined', 'Không được để trống'],

  // The DTOs' own messages, pipes and services.
  [
    'code',
    'code must be 1 to 32 letters, digits, dots, dashes, slashes or underscores',
    'Phải gồm 1 đến 32 ký tự: chữ cái, chữ số, dấu chấm, dấu gạch ngang, dấu gạch chéo hoặc dấu gạch dưới',
  ],
  [
    'username',
    'username must be 2 to 64 letters, digits, dots, dashes, underscores or @',
    'Phải gồm 2 đến 64 ký tự: chữ cái, chữ số, dấu chấm, dấu gạch ngang, dấu gạch dưới hoặc @',
  ],
  ['period', 'period must be a quarter YYYY-Qn', 'Phải là một quý dạng YYYY-Qn, ví dụ 2025-Q1'],
  ['period', 'must be a quarter such as 2025-Q1', 'Phải là một quý dạng YYYY-Qn, ví dụ 2025-Q1'],
  [
    'period',
    'period must be a quarter like 2025-Q1',
    'Phải là một quý dạng YYYY-Qn, ví dụ 2025-Q1',
  ],
  [
    'period',
    'period must be YYYY-Qn, YYYY-Hn or YYYY',
    'Phải là một quý (YYYY-Qn), nửa năm (YYYY-Hn) hoặc năm (YYYY)',
  ],
  [
    'period',
    'period must be YYYY-H1, YYYY-H2 or YYYY',
    'Phải là nửa năm (YYYY-H1, YYYY-H2) hoặc năm (YYYY)',
  ],
  [
    'period',
    'must be a half YYYY-H1, YYYY-H2 or a year YYYY',
    'Phải là nửa năm (YYYY-H1, YYYY-H2) hoặc năm (YYYY)',
  ],
  ['decisionDate', 'decisionDate must be a date YYYY-MM-DD', 'Phải là một ngày dạng YYYY-MM-DD'],
  [
    'occurredOn',
    'must be a real date written YYYY-MM-DD',
    'Phải là một ngày có thật, dạng YYYY-MM-DD',
  ],
  ['path', 'path must be an address under /api/', 'Phải là một địa chỉ trong /api/'],
  [
    'name',
    'must not contain control or bidirectional-override characters',
    'Không được chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản',
  ],
  ['body', 'nests deeper than 6 levels', 'Dữ liệu lồng nhau quá 6 cấp'],
  ['criteria', 'has more than 200 items', 'Có quá 200 mục'],
  ['values', 'has more than 200 keys', 'Có quá 200 mục'],
  ['id', 'must be a positive whole number', 'Phải là số nguyên dương'],
  ['format', 'must be xlsx, csv or pdf', 'Phải là XLSX, CSV hoặc PDF'],
  ['format', 'must be one of xlsx, csv, pdf', 'Phải là một trong các giá trị: XLSX, CSV hoặc PDF'],
  ['agencyId', 'city-wide callers must name an agency', 'Hãy chọn một cơ quan'],
  [
    'period',
    '2099-Q1 has not started yet (today is 2025-03-01)',
    'Quý I/2099 chưa bắt đầu (hôm nay là 01/03/2025)',
  ],
  [
    'criterionCode',
    'must be a criterion counted from incidents of set CN-2025 v2',
    'Phải là tiêu chí lấy từ vi phạm của bộ tiêu chí CN-2025 phiên bản 2',
  ],
  [
    'agencyId',
    'name the agency whose people go in the template',
    'Hãy chọn cơ quan có nhân sự cần đưa vào mẫu',
  ],
  ['agencyId', 'agency 7 does not exist', 'Cơ quan được chọn không tồn tại'],
  ['subjectId', 'person 12 does not exist', 'Nhân sự được chọn không tồn tại'],
  ['agencyId', 'agency 7 is inactive', 'Cơ quan được chọn đã ngừng hoạt động'],
  ['subjectId', 'person 12 is inactive', 'Nhân sự được chọn không còn làm việc'],
  [
    'values',
    'names 12 criteria; set CN-2025 v2 has 10',
    'Có 12 tiêu chí, nhiều hơn 10 tiêu chí của bộ CN-2025 phiên bản 2',
  ],
  [
    'values.Z9',
    'is not a criterion of set CN-2025 v2',
    'Không phải tiêu chí của bộ tiêu chí CN-2025 phiên bản 2',
  ],
  ['notes.Z9', 'is not a criterion of the set', 'Không phải tiêu chí của bộ tiêu chí'],
  [
    'values.C1',
    'is counted from incidents and cannot be typed in',
    'Được đếm từ vi phạm, không nhập tay',
  ],
  ['notes.A1', 'must be a text of at most 2000 characters', 'Không được dài quá 2000 ký tự'],
  ['values.A1', 'is required to submit', 'Cần nhập trước khi gửi duyệt'],
  [
    'agencyId',
    'agencies are judged city-wide only',
    'Cơ quan chỉ được xét trong phạm vi toàn thành phố',
  ],
  [
    'scope',
    'agencies are ranked city-wide only',
    'Cơ quan chỉ được xếp hạng trong phạm vi toàn thành phố',
  ],
  [
    'subjectType',
    "an agency's list takes people of that agency",
    'Danh sách của cơ quan chỉ gồm nhân sự của cơ quan đó',
  ],
  ['subjectType', "the city's list takes agencies", 'Danh sách của thành phố chỉ gồm các cơ quan'],
  [
    'overrideReason',
    'required: the subject is not an exemplary candidate (gradeA, topShare)',
    'Cần nêu lý do: đối tượng chưa đủ điều kiện gương điển hình (chưa đạt: Xếp loại Xuất sắc, Trong nhóm đứng đầu)',
  ],
  [
    'overrideReason',
    'required: the subject is not an exemplary candidate (no roll-up for the period)',
    'Cần nêu lý do: đối tượng chưa đủ điều kiện gương điển hình (chưa có kết quả tổng hợp của kỳ)',
  ],
  [
    'subjectId',
    "the person does not belong to the list's agency",
    'Nhân sự này không thuộc cơ quan của danh sách',
  ],
  [
    'agencyId',
    'a hr_officer belongs to one agency',
    'Vai trò Cán bộ tổ chức phải thuộc một cơ quan',
  ],
  [
    'agencyId',
    'an inspector works city-wide and has no agency',
    'Vai trò Đoàn kiểm tra làm việc trên toàn thành phố, không thuộc cơ quan nào',
  ],
  ['unitId', 'unit 4 does not belong to agency 2', 'Phòng ban được chọn không thuộc cơ quan này'],
  ['parentId', 'a unit cannot sit under itself', 'Phòng ban không thể nằm dưới chính nó'],

  // A file refused (field `file`): libs/core/src/import.
  [
    'file',
    'a CSV or XLSX file is required in the multipart field "file"',
    'Hãy chọn một tệp CSV hoặc XLSX',
  ],
  ['file', 'row 3 has more than 200 columns', 'Dòng 3 có quá 200 cột'],
  ['file', 'at most 20000 rows per file', 'Mỗi tệp chỉ được có tối đa 20000 dòng'],
  [
    'file',
    'no header row naming employeeCode or agencyCode in the first 20 rows',
    'Không tìm thấy dòng tiêu đề có cột employeeCode hoặc agencyCode trong 20 dòng đầu',
  ],
  ['file', 'is not a readable CSV file: Invalid Closing Quote', 'Không đọc được tệp CSV'],
  ['file', 'is not a readable XLSX file', 'Không đọc được tệp XLSX'],
  ['file', 'has no worksheet', 'Tệp không có trang tính nào'],
  ['file', 'needs more memory to read than an upload may use', 'Tệp cần quá nhiều bộ nhớ để đọc'],
  ['file', 'could not be read: boom', 'Không đọc được tệp'],
  ['file', 'could not be read (the reader stopped, 1)', 'Không đọc được tệp'],
  ['file', 'took longer than 20 s to read', 'Đọc tệp mất quá 20 giây'],
  [
    'file',
    'holds 20000 files; an XLSX has at most 10000',
    'Tệp chứa 20000 tệp con; tệp XLSX chỉ có tối đa 10000',
  ],
  [
    'file',
    'unpacks to more than 256 MB; refused unread',
    'Tệp giải nén ra quá 256 MB nên không được đọc',
  ],
  [
    'file',
    'xl/worksheets/sheet1.xml is compressed 500 times (at most 100); refused unread',
    'Tệp bị nén quá mức (500 lần, tối đa 100 lần) nên không được đọc',
  ],

  // libs/domain criteria-definition.ts.
  ['criteria', 'must list at least one criterion', 'Phải có ít nhất một tiêu chí'],
  ['criteria[1]', 'must be an object', 'Dữ liệu không đúng dạng'],
  ['criteria[3].code', 'duplicates the code of criteria[0]', 'Trùng mã với tiêu chí 1'],
  [
    'criteria',
    'must have at least one base (non-bonus) criterion',
    'Phải có ít nhất một tiêu chí không phải điểm thưởng',
  ],
  [
    'criteria[0].code',
    'must be 1 to 32 letters, digits, "_", "." or "-"',
    'Phải gồm 1 đến 32 ký tự: chữ cái, chữ số, "_", "." hoặc "-"',
  ],
  [
    'criteria[0].name',
    'must be a non-empty text of at most 500 characters',
    'Không được để trống và không được dài quá 500 ký tự',
  ],
  [
    'criteria[0].kind',
    'must be one of score, boolean, percentage, count',
    'Phải là một trong các giá trị: Chấm điểm (score), Có/Không (boolean), Tỷ lệ % (percentage) hoặc Đếm số lần (count)',
  ],
  [
    'criteria[0].maxPoints',
    'must be a number above 0 and at most 1000, with at most 2 decimals',
    'Phải là số lớn hơn 0 và không quá 1000, có tối đa 2 chữ số thập phân',
  ],
  [
    'criteria[0].penaltyPerUnit',
    'must be a number above 0, with at most 2 decimals',
    'Phải là số lớn hơn 0, có tối đa 2 chữ số thập phân',
  ],
  [
    'thresholds.A',
    'must be a number between 0 and 100, with at most 2 decimals',
    'Phải là số từ 0 đến 100, có tối đa 2 chữ số thập phân',
  ],
  [
    'criteria[0].target',
    'is required for a percentage criterion',
    'Bắt buộc với tiêu chí loại Tỷ lệ %',
  ],
  [
    'criteria[0].target',
    'is allowed only on a percentage criterion',
    'Chỉ dùng cho tiêu chí loại Tỷ lệ %',
  ],
  [
    'criteria[0].disqualifying',
    'is allowed only on a boolean or count criterion',
    'Chỉ dùng cho tiêu chí loại Có/Không hoặc Đếm số lần',
  ],
  ['criteria[0].bonus', 'must be true or false', 'Phải là Có hoặc Không'],
  ['thresholds', 'must be an object with A, B and C', 'Phải gồm các ngưỡng Xuất sắc, Tốt và Đạt'],
  ['thresholds.A', 'must be greater than B (75)', 'Phải lớn hơn ngưỡng Tốt (75)'],
  ['thresholds.B', 'must be greater than C (50.5)', 'Phải lớn hơn ngưỡng Đạt (50,5)'],

  // libs/domain criterion-value.ts.
  ['values.A1', 'must be a number', 'Phải là một số'],
  ['values.A1', 'must be between 0 and 7.5', 'Phải từ 0 đến 7,5'],
  ['values.P1', 'must be a percentage between 0 and 100', 'Phải là phần trăm từ 0 đến 100'],
  ['values.C1', 'must be a whole number, 0 or more', 'Phải là số nguyên từ 0 trở lên'],
  ['values.A1', 'has an unknown kind "grade"', 'Loại tiêu chí không hợp lệ'],
  ['values.A1', 'must have at most 4 decimals', 'Chỉ được có tối đa 4 chữ số thập phân'],
  [
    'values.C1',
    'is counted from incidents and cannot be entered by hand',
    'Được đếm từ vi phạm, không nhập tay',
  ],

  // Import rows: libs/org people-import, libs/evaluations evaluation-import and import-cells.
  [
    'XYZ',
    'unknown column XYZ: not a criterion of set CN-2025 v2',
    'Cột XYZ không phải tiêu chí của bộ tiêu chí CN-2025 phiên bản 2',
  ],
  ['email', 'unknown column email', 'Cột email không có trong mẫu nhập'],
  [
    'employeeCode',
    'NV001 appears twice in the file (row 4)',
    'NV001 xuất hiện hai lần trong tệp (lần đầu ở dòng 4)',
  ],
  ['employeeCode', 'NV001 appears twice in the file', 'NV001 xuất hiện hai lần trong tệp'],
  [
    'employeeCode',
    'nv001 differs only in letter case from the existing code NV001',
    'nv001 chỉ khác mã đã có NV001 ở chữ hoa, chữ thường',
  ],
  ['agencyCode', 'unknown agency SXD', 'Không có cơ quan mã SXD'],
  [
    'employeeCode',
    'unknown employee code NV404 in your agency',
    'Không có nhân sự mã NV404 trong cơ quan của bạn',
  ],
  ['agencyCode', 'unknown agency code SXD', 'Không có cơ quan mã SXD'],
  ['fullName', 'is required for a new person', 'Bắt buộc với nhân sự mới'],
  ['employeeCode', 'belongs to another agency', 'Thuộc cơ quan khác'],
  [
    'agencyCode',
    'use POST /people/:id/transfer to move a person',
    'Không thể chuyển nhân sự sang cơ quan khác bằng tệp nhập',
  ],
  ['position', 'at most 255 characters', 'Không được dài quá 255 ký tự'],
  ['unitCode', 'no unit P9 in that agency', 'Cơ quan không có phòng ban mã P9'],
  ['employeeCode', 'is empty', 'Không được để trống'],
  ['employeeCode', 'NV001 is inactive', 'Nhân sự NV001 không còn làm việc'],
  ['agencyCode', 'SXD is inactive', 'Cơ quan SXD đã ngừng hoạt động'],
  [
    'employeeCode',
    'the 2025-Q1 evaluation of NV001 belongs to another agency',
    'Phiếu đánh giá Quý I/2025 của NV001 thuộc cơ quan khác',
  ],
  [
    'employeeCode',
    'the evaluation of NV001 is approved; only drafts and returned evaluations are updated',
    'Phiếu đánh giá của NV001 đang ở trạng thái «Đã duyệt»; chỉ cập nhật được phiếu ở trạng thái «Nháp» hoặc «Trả lại»',
  ],
  [
    'A1',
    'is not a criterion of the set this evaluation uses (CN-2024 v1)',
    'Không phải tiêu chí của bộ tiêu chí mà phiếu này dùng (CN-2024 phiên bản 1)',
  ],
  [
    'C1',
    'is counted from incidents and cannot be imported',
    'Được đếm từ vi phạm, không nhập từ tệp',
  ],
  ['B1', 'must be true or false, got "maybe"', 'Phải là Có hoặc Không, không phải «maybe»'],
  ['A1', 'must be a number, got "tám"', 'Phải là một số, không phải «tám»'],
];

describe('vietnameseMessage', () => {
  it.each(ROWS)('%s: %p', (field, message, expected) => {
    expect(vietnameseMessage(message, field)).toBe(expected);
  });

  it('drops the property of a class-validator message without being told the field', () => {
    expect(vietnameseMessage('maxPoints must not be less than 0')).toBe('Không được nhỏ hơn 0');
    expect(vietnameseMessage('period must be a quarter such as 2025-Q1')).toBe(
      'Phải là một quý dạng YYYY-Qn, ví dụ 2025-Q1',
    );
  });

  it('says an unknown message in Vietnamese, never in English', () => {
    expect(vietnameseMessage('is on fire')).toBe(FALLBACK_MESSAGE);
    expect(vietnameseMessage('name is on fire', 'name')).toBe(FALLBACK_MESSAGE);
    expect(vietnameseMessage('')).toBe(FALLBACK_MESSAGE);
  });
});

/**
 * The messages of libs/domain's checks as written in their sources (string and template
 * literals that begin like a message), with each `${…}` given a sample value. A message added
 * there without a pattern here fails this test.
 */
function domainMessages(file: string): string[] {
  const path = resolve(__dirname, '../../../../libs/domain/src', file);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022);
  const sample = (expression: ts.Expression): string => {
    const text = expression.getText(source);
    if (text.includes('CRITERION_KINDS')) return CRITERION_KINDS.join(', ');
    if (text.includes('JSON.stringify')) return '"grade"';
    if (text === 'MAX_POINTS_LIMIT') return String(MAX_POINTS_LIMIT);
    if (text === 'VALUE_MAX_DECIMALS') return String(VALUE_MAX_DECIMALS);
    return '7';
  };
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node))
      found.push(
        node.head.text +
          node.templateSpans.map((span) => sample(span.expression) + span.literal.text).join(''),
      );
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((text) => /^(must|is|has|duplicates) /.test(text));
}

describe('the messages of libs/domain', () => {
  const messages = [
    ...domainMessages('criteria-definition.ts'),
    ...domainMessages('criterion-value.ts'),
  ];

  it('are all found in the sources', () => {
    expect(messages.length).toBeGreaterThanOrEqual(25);
    expect(messages).toContain('must be greater than B (7)');
    expect(messages).toContain('is counted from incidents and cannot be entered by hand');
  });

  it.each(messages)('%p has a Vietnamese sentence', (message) => {
    expect(vietnameseMessage(message, 'criteria[0].code')).not.toBe(FALLBACK_MESSAGE);
  });
});

describe('fieldLabel', () => {
  const criteria = [{ code: 'A1', name: 'Đeo thẻ công chức' }];
  it.each([
    ['criteria[2].target', 'Tiêu chí 3 – Chỉ tiêu (%)'],
    ['criteria.0.maxPoints', 'Tiêu chí 1 – Điểm tối đa'],
    ['criteria[4].penaltyPerUnit', 'Tiêu chí 5 – Trừ mỗi lần'],
    ['criteria[1]', 'Tiêu chí 2'],
    ['criteria', 'Danh sách tiêu chí'],
    ['thresholds.A', 'Ngưỡng Xuất sắc'],
    ['thresholds.B', 'Ngưỡng Tốt'],
    ['thresholds.C', 'Ngưỡng Đạt'],
    ['thresholds', 'Ngưỡng xếp loại'],
    ['values.A1', 'Tiêu chí A1 (Đeo thẻ công chức)'],
    ['values.B2', 'Tiêu chí B2'],
    ['notes.A1', 'Ghi chú – Tiêu chí A1 (Đeo thẻ công chức)'],
    ['employeeCode', 'Mã nhân sự'],
    ['occurredOn', 'Ngày'],
  ])('%s → %s', (path, label) => {
    expect(fieldLabel(path, { criteria })).toBe(label);
  });

  it('uses the page’s own labels first and knows no name for an unknown path', () => {
    expect(fieldLabel('name', { labels: { name: 'Tên bộ tiêu chí' } })).toBe('Tên bộ tiêu chí');
    expect(fieldLabel('name')).toBe('Tên');
    expect(fieldLabel('somethingElse')).toBeNull();
    expect(fieldLabel('')).toBeNull();
  });
});

describe('describeProblem and columnLabel', () => {
  it('names the field, then the problem', () => {
    expect(describeProblem({ field: 'thresholds.A', message: 'must be greater than B (75)' })).toBe(
      'Ngưỡng Xuất sắc: Phải lớn hơn ngưỡng Tốt (75)',
    );
    expect(describeProblem({ field: 'zzz', message: 'must be a number' })).toBe('Phải là một số');
  });

  it('keeps the column of the file and adds its Vietnamese name', () => {
    expect(columnLabel('employeeCode')).toBe('employeeCode (Mã nhân sự)');
    expect(columnLabel('A1')).toBe('A1');
    expect(columnLabel(null)).toBe('–');
  });
});
