import type { ExportColumn, ExportRow, ExportTable } from '@app/exports';
import { periodLabelVi } from '@app/domain';
import type { AgencyReportView, ReportFiguresView, SummaryReportView } from './dto/report.dto';

// The period report as one exported table: a row per agency, the total row, then the inspections
// of the period under their own heading row (a CSV, a PDF and a sheet read the same way).

export const REPORT_COLUMNS: ExportColumn[] = [
  { header: 'STT', key: 'stt', width: 5, align: 'center' },
  { header: 'Cơ quan', key: 'name', width: 26 },
  { header: 'Số CB', key: 'headcount', width: 7, align: 'right' },
  { header: 'Đã đánh giá', key: 'evaluated', width: 9, align: 'right' },
  { header: 'Đã duyệt', key: 'approved', width: 8, align: 'right' },
  { header: 'Tỷ lệ (%)', key: 'coverage', width: 8, align: 'right', decimals: 1 },
  { header: 'Điểm TB', key: 'averageTotal', width: 8, align: 'right', decimals: 2 },
  { header: 'Xuất sắc', key: 'gradeA', width: 7, align: 'right' },
  { header: 'Tốt', key: 'gradeB', width: 6, align: 'right' },
  { header: 'Đạt', key: 'gradeC', width: 6, align: 'right' },
  { header: 'Chưa đạt', key: 'gradeD', width: 7, align: 'right' },
  { header: 'Vi phạm', key: 'incidentsTotal', width: 7, align: 'right' },
  { header: 'Gương điển hình', key: 'candidates', width: 9, align: 'right' },
  { header: 'Chi tiết', key: 'details', width: 40 },
];

const TOTAL_LABEL = { city: 'Toàn thành phố', scope: 'Tổng cộng' };
export const INSPECTIONS_HEADING = 'KẾT QUẢ KIỂM TRA CỦA ĐOÀN KIỂM TRA LIÊN NGÀNH';

function incidentsText(incidents: Record<string, number>): string {
  const parts = Object.entries(incidents).map(([code, count]) => `${code}: ${count}`);
  return parts.length ? `Vi phạm theo tiêu chí: ${parts.join('; ')}` : '';
}

function figuresRow(figures: ReportFiguresView): ExportRow {
  return {
    headcount: figures.headcount,
    evaluated: figures.evaluated,
    approved: figures.approved,
    coverage: figures.coverage,
    averageTotal: figures.averageTotal,
    gradeA: figures.grades.A,
    gradeB: figures.grades.B,
    gradeC: figures.grades.C,
    gradeD: figures.grades.D,
    incidentsTotal: figures.incidentsTotal,
    candidates: figures.candidates,
  };
}

function agencyRow(agency: AgencyReportView, index: number): ExportRow {
  const own = agency.agencyResult
    ? `Điểm cơ quan ${agency.agencyResult.total.toFixed(2)} (${agency.agencyResult.grade})`
    : '';
  return {
    stt: index + 1,
    name: agency.name,
    ...figuresRow(agency),
    details: [own, incidentsText(agency.incidents)].filter(Boolean).join('. '),
  };
}

function* reportRows(report: SummaryReportView): Generator<ExportRow> {
  yield* report.agencies.map(agencyRow);
  yield {
    stt: null,
    name: report.agencyId === null ? TOTAL_LABEL.city : TOTAL_LABEL.scope,
    ...figuresRow(report.totals),
    details: incidentsText(report.totals.incidents),
  };
  yield {};
  yield { name: INSPECTIONS_HEADING };
  if (report.inspections.length === 0) {
    yield { details: 'Không có đợt kiểm tra trong kỳ' };
    return;
  }
  for (const [index, visit] of report.inspections.entries()) {
    const members = visit.members.length ? `; thành viên: ${visit.members.join(', ')}` : '';
    yield {
      stt: index + 1,
      name: visit.agencyName,
      details:
        `Ngày ${visit.visitedOn}, trưởng đoàn: ${visit.leader}${members}. ` +
        `Ưu điểm: ${visit.strengths} Tồn tại: ${visit.shortcomings} ` +
        `Kiến nghị: ${visit.recommendations}`,
    };
  }
}

/** The report as an ExportTable for writeExport / sendExport. */
export function reportTable(report: SummaryReportView, scopeName: string): ExportTable {
  return {
    title: `BÁO CÁO KẾT QUẢ THỰC HIỆN QUY TẮC ỨNG XỬ ${periodLabelVi(report.period).toUpperCase()}`,
    subtitle: scopeName,
    columns: REPORT_COLUMNS,
    rows: reportRows(report),
    fileName: `Báo cáo ${report.period}`,
  };
}
