/** An agency ranked by the average total of its people's approved results. */
export class AgencyAverageView {
  rank: number;
  agencyId: number;
  code: string;
  name: string;
  shortName: string | null;
  /** Mean of its people's totals, half up to two decimals. */
  averageTotal: number;
  /** People counted: approved evaluations (quarter) or roll-ups (half, year). */
  people: number;
}

/** GET /dashboard/city/agencies: a page of the ranking of agencies by average total. */
export class AgencyAveragePageView {
  period: string;
  /** Agencies ranked (those with at least one approved result of their people). */
  total: number;
  limit: number;
  offset: number;
  items: AgencyAverageView[];
}

export class QuarterCoverageView {
  period: string;
  /** People of the agency with an evaluation of the quarter in any status. */
  evaluated: number;
  approved: number;
  /** 100 × evaluated / headcount, one decimal; null without people. */
  evaluatedShare: number | null;
  /** 100 × approved / headcount, one decimal; null without people. */
  approvedShare: number | null;
}

export class AgencyCoverageView {
  agencyId: number;
  code: string;
  name: string;
  shortName: string | null;
  /** Active people today. */
  headcount: number;
  /** The four quarters of the year, in order. */
  quarters: QuarterCoverageView[];
}

/** GET /dashboard/city/coverage: every active agency × the four quarters of the period's year. */
export class CityCoverageView {
  period: string;
  year: number;
  quarters: string[];
  items: AgencyCoverageView[];
}
