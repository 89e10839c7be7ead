import type { AgencyReportView, InspectionReportView, ReportFiguresView } from './dto/report.dto';
import { meanOfHundredths, percentOf } from './report-math';
import type {
  AgencyResultRow,
  AgencyRow,
  IncidentCountRow,
  InspectionRow,
  PersonResultRow,
} from './reports.queries';

/** What the report's queries returned, already grouped per agency by the database. */
export interface ReportInputs {
  agencies: AgencyRow[];
  headcounts: Map<number, number>;
  personResults: PersonResultRow[];
  agencyResults: Map<number, AgencyResultRow>;
  incidents: IncidentCountRow[];
  /** Exemplary people per agency; null for a quarter. */
  candidates: Map<number, number> | null;
  /** Agencies that are exemplary themselves; null for a quarter. */
  agencyCandidates: Set<number> | null;
}

interface Sums {
  headcount: number;
  evaluated: number;
  approved: number;
  sumHundredths: number;
  grades: { A: number; B: number; C: number; D: number };
  incidents: Record<string, number>;
  candidates: number | null;
}

function figuresOf(sums: Sums): ReportFiguresView {
  return {
    headcount: sums.headcount,
    evaluated: sums.evaluated,
    approved: sums.approved,
    coverage: percentOf(sums.approved, sums.headcount),
    averageTotal: meanOfHundredths(sums.sumHundredths, sums.approved),
    grades: { ...sums.grades },
    incidents: { ...sums.incidents },
    incidentsTotal: Object.values(sums.incidents).reduce((a, b) => a + b, 0),
    candidates: sums.candidates,
  };
}

/** One row per agency and the totals over them, from the grouped query results. */
export function buildAgencyRows(inputs: ReportInputs): {
  agencies: AgencyReportView[];
  totals: ReportFiguresView;
} {
  const results = new Map(inputs.personResults.map((row) => [row.agencyId, row]));
  const incidents = new Map<number, Record<string, number>>();
  for (const row of inputs.incidents) {
    const byCode = incidents.get(row.agencyId) ?? {};
    byCode[row.criterionCode] = (byCode[row.criterionCode] ?? 0) + row.count;
    incidents.set(row.agencyId, byCode);
  }
  const total: Sums = {
    headcount: 0,
    evaluated: 0,
    approved: 0,
    sumHundredths: 0,
    grades: { A: 0, B: 0, C: 0, D: 0 },
    incidents: {},
    candidates: inputs.candidates ? 0 : null,
  };
  const agencies = inputs.agencies.map((agency): AgencyReportView => {
    const result = results.get(agency.id);
    const sums: Sums = {
      headcount: inputs.headcounts.get(agency.id) ?? 0,
      evaluated: result?.evaluated ?? 0,
      approved: result?.approved ?? 0,
      sumHundredths: result?.sumHundredths ?? 0,
      grades: result ? { ...result.grades } : { A: 0, B: 0, C: 0, D: 0 },
      incidents: incidents.get(agency.id) ?? {},
      candidates: inputs.candidates ? (inputs.candidates.get(agency.id) ?? 0) : null,
    };
    total.headcount += sums.headcount;
    total.evaluated += sums.evaluated;
    total.approved += sums.approved;
    total.sumHundredths += sums.sumHundredths;
    for (const grade of ['A', 'B', 'C', 'D'] as const) total.grades[grade] += sums.grades[grade];
    for (const [code, count] of Object.entries(sums.incidents))
      total.incidents[code] = (total.incidents[code] ?? 0) + count;
    if (total.candidates !== null) total.candidates += sums.candidates ?? 0;
    const own = inputs.agencyResults.get(agency.id);
    return {
      agencyId: agency.id,
      code: agency.code,
      name: agency.name,
      ...figuresOf(sums),
      agencyResult: own ? { total: own.total, grade: own.grade } : null,
      agencyCandidate: inputs.agencyCandidates ? inputs.agencyCandidates.has(agency.id) : null,
    };
  });
  return { agencies, totals: figuresOf(total) };
}

export function inspectionView(row: InspectionRow): InspectionReportView {
  let members: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.membersJson);
    if (Array.isArray(parsed)) members = parsed.map((m) => String(m));
  } catch {
    members = [];
  }
  return {
    id: row.id,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    period: row.period,
    visitedOn: row.visitedOn,
    leader: row.leader,
    members,
    strengths: row.strengths,
    shortcomings: row.shortcomings,
    recommendations: row.recommendations,
  };
}
