import { Transform } from 'class-transformer';
import { wholeNumber } from '@app/core';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQueryDto {
  /** A quarter `2025-Q1`, a half `2025-H1` or a year `2025`. */
  @IsString()
  @Matches(/^\d{4}(-(Q[1-4]|H[12]))?$/, { message: 'period must be YYYY-Qn, YYYY-Hn or YYYY' })
  period: string;

  /** `json` (default), or a file: `xlsx`, `csv`, `pdf`. */
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  /** One agency (agency-bound callers: their own, which is the default for them). */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  agencyId?: number;
}

export class GradeCountsView {
  A: number;
  B: number;
  C: number;
  D: number;
}

export class ReportFiguresView {
  /** Active people. */
  headcount: number;
  /** People with an evaluation in the period (any status; halves and years: any quarter). */
  evaluated: number;
  /** People with an approved result: an approved evaluation (quarter) or a roll-up. */
  approved: number;
  /** 100 × approved / headcount, one decimal; null without people. */
  coverage: number | null;
  /** Mean total of the approved results, two decimals; null without any. */
  averageTotal: number | null;
  grades: GradeCountsView;
  /** Incidents in the period per criterion code. */
  incidents: Record<string, number>;
  incidentsTotal: number;
  /** Exemplary people (SPEC §7); null for a quarter. */
  candidates: number | null;
}

export class AgencyReportView extends ReportFiguresView {
  agencyId: number;
  code: string;
  name: string;
  /** The agency's own approved result of the period. */
  agencyResult: { total: number; grade: string } | null;
  /** Whether the agency itself is an exemplary candidate (halves and years). */
  agencyCandidate: boolean | null;
}

export class InspectionReportView {
  id: number;
  agencyId: number;
  agencyName: string;
  period: string;
  visitedOn: string;
  leader: string;
  members: string[];
  strengths: string;
  shortcomings: string;
  recommendations: string;
}

export class SummaryReportView {
  period: string;
  periodLabel: string;
  kind: string;
  /** The agency the report is limited to; null for the city. */
  agencyId: number | null;
  agencies: AgencyReportView[];
  /** Totals over the agencies reported (the city, for city-wide callers). */
  totals: ReportFiguresView;
  inspections: InspectionReportView[];
}
