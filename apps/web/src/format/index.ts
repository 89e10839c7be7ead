/**
 * Everything the interface writes for people to read, the Vietnamese way (UI.md §2): one module,
 * used by every page, so that a score or a period never looks two ways.
 */
import { parsePeriod } from '@app/domain';

export type Grade = 'A' | 'B' | 'C' | 'D';
export type RoleName = 'admin' | 'hr_officer' | 'department_head' | 'nominator' | 'inspector';
export type EvaluationStatus = 'draft' | 'submitted' | 'approved' | 'returned';

const scoreFormat = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** 94.5 → "94,50". */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : scoreFormat.format(value);
}

/** 12345 → "12.345". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : integerFormat.format(value);
}

/** 12.5 → "12,5%". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${percentFormat.format(value)}%`;
}

/** "2025-02-10" or an ISO instant → "10/02/2025" (instants in Vietnam's time). */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${day}/${month}/${year}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** An instant → "10/02/2025 14:05". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const date = typeof value === 'string' ? new Date(value) : value;
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${formatDate(date)} ${time}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2025-Q4" → "Quý IV/2025"; "2025-H1" → "6 tháng đầu năm 2025"; "2025" → "Năm 2025". */
export function formatPeriod(key: string | null | undefined): string {
  if (!key) return '–';
  const period = parsePeriod(key);
  if (!period) return key;
  if (period.kind === 'quarter') return `Quý ${ROMAN[period.index - 1]}/${period.year}`;
  if (period.kind === 'half') {
    return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
  }
  return `Năm ${period.year}`;
}

export const GRADE_LABELS: Record<Grade, string> = {
  A: 'Xuất sắc',
  B: 'Tốt',
  C: 'Đạt',
  D: 'Chưa đạt',
};

/** Grades carry their words, never a colour alone. */
export function formatGrade(grade: string | null | undefined): string {
  return grade && grade in GRADE_LABELS ? GRADE_LABELS[grade as Grade] : '–';
}

/**
 * Tag colours: solid and dark enough for white text (axe color-contrast ≥ 4.5:1; antd's light
 * preset green and gold tags fail it). The dashboard's charts use the same.
 */
export const GRADE_COLORS: Record<Grade, string> = {
  A: '#237804',
  B: '#0958d9',
  C: '#874d00',
  D: '#a8071a',
};

export const ROLE_LABELS: Record<RoleName, string> = {
  admin: 'Quản trị',
  hr_officer: 'Cán bộ tổ chức',
  department_head: 'Lãnh đạo đơn vị',
  nominator: 'Cán bộ thi đua',
  inspector: 'Đoàn kiểm tra',
};

export function formatRole(role: string | null | undefined): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as RoleName] : (role ?? '–');
}

export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  approved: 'Đã duyệt',
};

export function formatStatus(status: string | null | undefined): string {
  return status && status in STATUS_LABELS
    ? STATUS_LABELS[status as EvaluationStatus]
    : (status ?? '–');
}

export const CATEGORY_LABELS: Record<string, string> = {
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  worker: 'Người lao động',
  contract: 'Hợp đồng',
};

export function formatCategory(category: string | null | undefined): string {
  return category ? (CATEGORY_LABELS[category] ?? category) : '–';
}

/** Movement in a ranking: "▲ 3" up, "▼ 2" down, "–" unchanged or not ranked before. */
export function formatMovement(movement: number | null | undefined): string {
  if (movement === null || movement === undefined || movement === 0) return '–';
  return movement > 0 ? `▲ ${movement}` : `▼ ${-movement}`;
}

/** Screen-reader wording of a movement, since arrows are read poorly. */
export function describeMovement(movement: number | null | undefined): string {
  if (movement === null || movement === undefined) return 'Chưa xếp hạng kỳ trước';
  if (movement === 0) return 'Không đổi';
  return movement > 0 ? `Tăng ${movement} bậc` : `Giảm ${-movement} bậc`;
}

/** A nomination list's status (SPEC §8). */
export const NOMINATION_STATUS_LABELS: Record<string, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  accepted: 'Đã chấp thuận',
  rejected: 'Không chấp thuận',
};

export function formatNominationStatus(status: string | null | undefined): string {
  return (status && NOMINATION_STATUS_LABELS[status]) || '–';
}
