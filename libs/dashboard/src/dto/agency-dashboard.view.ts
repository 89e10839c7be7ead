import { GradeCountsView } from '@app/reports';

/** The agency's city-wide rank in one quarter (agency evaluations, SPEC §6); nulls when not ranked. */
export class RankPointView {
  period: string;
  rank: number | null;
  /** Agencies ranked that quarter. */
  rankedOf: number | null;
  total: number | null;
  grade: string | null;
}

/** Headcount, evaluated and approved of a group of people in the quarter. */
export class CoverageFiguresView {
  /** Active people today (people records keep no history of headcount). */
  headcount: number;
  /** People with an evaluation of the quarter in any status. */
  evaluated: number;
  /** People with an approved evaluation of the quarter. */
  approved: number;
  /** 100 × evaluated / headcount, one decimal; null without people. */
  evaluatedShare: number | null;
  /** 100 × approved / headcount, one decimal; null without people. */
  approvedShare: number | null;
  /** Approved evaluations by grade. */
  grades: GradeCountsView;
}

export class UnitDashboardView extends CoverageFiguresView {
  /** null: people (or evaluations) without a unit. */
  unitId: number | null;
  /** The unit's name; null for the row of people without a unit. */
  name: string | null;
  parentId: number | null;
}

export class WaitingCountView {
  /** Person evaluations of the agency submitted and waiting for approval in the quarter asked for. */
  period: number;
  /** The same in every open (not closed) quarter: what the head can approve now. */
  openPeriods: number;
}

export class DashboardAgencyView {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
}

/** GET /dashboard/agency: everything the department head's `Tổng quan` shows. */
export class AgencyDashboardView {
  period: string;
  agency: DashboardAgencyView;
  /** The eight quarters ending at the period, oldest first. */
  rankTrend: RankPointView[];
  /** Every active unit of the agency (and any unit with evaluations), by name. */
  units: UnitDashboardView[];
  /** The whole agency. */
  totals: CoverageFiguresView;
  waitingForApproval: WaitingCountView;
}
