import {
  formatDate,
  formatGrade,
  formatMovement,
  formatPercent,
  formatPeriod,
  formatRole,
  formatScore,
  formatStatus,
} from './index';

describe('Vietnamese formats of the interface (UI.md §2)', () => {
  it.each([
    [94.5, '94,50'],
    [100, '100,00'],
    [0, '0,00'],
    [88.125, '88,13'],
    [null, '–'],
  ])('score %p → %s', (value, text) => expect(formatScore(value)).toBe(text));

  it.each([
    ['2025-Q1', 'Quý I/2025'],
    ['2025-Q4', 'Quý IV/2025'],
    ['2025-H1', '6 tháng đầu năm 2025'],
    ['2025-H2', '6 tháng cuối năm 2025'],
    ['2025', 'Năm 2025'],
  ])('period %s → %s', (key, text) => expect(formatPeriod(key)).toBe(text));

  it.each([
    ['2025-02-10', '10/02/2025'],
    ['2025-12-31T18:30:00.000Z', '01/01/2026'],
  ])('date %s → %s', (value, text) => expect(formatDate(value)).toBe(text));

  it.each([
    ['A', 'Xuất sắc'],
    ['B', 'Tốt'],
    ['C', 'Đạt'],
    ['D', 'Chưa đạt'],
  ])('grade %s → %s', (grade, text) => expect(formatGrade(grade)).toBe(text));

  it.each([
    ['admin', 'Quản trị'],
    ['hr_officer', 'Cán bộ tổ chức'],
    ['department_head', 'Lãnh đạo đơn vị'],
    ['nominator', 'Cán bộ thi đua'],
    ['inspector', 'Đoàn kiểm tra'],
  ])('role %s → %s', (role, text) => expect(formatRole(role)).toBe(text));

  it.each([
    ['draft', 'Nháp'],
    ['submitted', 'Đã gửi'],
    ['returned', 'Trả lại'],
    ['approved', 'Đã duyệt'],
  ])('status %s → %s', (status, text) => expect(formatStatus(status)).toBe(text));

  it.each([
    [3, '▲ 3'],
    [-2, '▼ 2'],
    [0, '–'],
    [null, '–'],
  ])('movement %p → %s', (movement, text) => expect(formatMovement(movement)).toBe(text));

  it('writes percentages with a decimal comma', () => expect(formatPercent(12.5)).toBe('12,5%'));
});
