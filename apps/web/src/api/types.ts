/**
 * The shapes of the API, taken from its own view and DTO classes (type-only: nothing of the
 * server is bundled). The one door through which API types enter the app: a field renamed on
 * the server fails the web app's type check instead of drifting.
 */
export type { Page } from '../../../../libs/core/src/http/page';
export type { SessionUserDto, TokensDto } from '../../../../libs/core/src/auth/dto/auth.dto';
export type { AgencyView } from '../../../../libs/org/src/agencies/dto/agency.dto';
export type { PersonView } from '../../../../libs/org/src/people/dto/person.dto';
export type { UnitTreeNode, UnitView } from '../../../../libs/org/src/units/dto/unit.dto';
export type { UserView } from '../../../../libs/org/src/users/dto/user.dto';
export type {
  CriteriaSetView,
  CriterionView,
  ThresholdsView,
} from '../../../../libs/criteria/src/dto/criteria-set.dto';
export type {
  EvaluationItemView,
  EvaluationView,
} from '../../../../libs/evaluations/src/evaluations/dto/evaluation.dto';
export type { IncidentView } from '../../../../libs/evaluations/src/incidents/dto/incident.dto';
export type { InspectionView } from '../../../../libs/evaluations/src/inspections/dto/inspection.dto';
export type { PeriodView } from '../../../../libs/evaluations/src/periods/dto/period.dto';
export type {
  RankingHistoryItemView,
  RankingHistoryView,
  RankingItemView,
  RankingPageView,
} from '../../../../libs/rankings/src/dto/ranking.dto';
export type {
  CandidateView,
  CheckView,
  ExemplaryView,
  NearMissView,
} from '../../../../libs/nominations/src/dto/exemplary.dto';
export type {
  NominationDetailView,
  NominationEntryView,
  NominationListView,
} from '../../../../libs/nominations/src/dto/nomination.dto';
export type {
  AgencyReportView,
  GradeCountsView,
  ReportFiguresView,
  SummaryReportView,
} from '../../../../libs/reports/src/dto/report.dto';
export type { RollupRunView } from '../../../../libs/rollups/src/dto/rollup.dto';
export type { DownloadTicketView } from '../../../../libs/core/src/auth/dto/download-ticket.dto';
export type {
  AgencyAveragePageView,
  AgencyAverageView,
  AgencyCoverageView,
  CityCoverageView,
} from '../../../../libs/dashboard/src/dto/city-dashboard.view';
export type { AuditRecordView } from '../../../../libs/core/src/audit/audit.controller';
export type {
  CreateCriteriaSetDto,
  CriterionDto,
} from '../../../../libs/criteria/src/dto/criteria-set.dto';
export type {
  AgencyDashboardView,
  CoverageFiguresView,
  RankPointView,
  UnitDashboardView,
  WaitingCountView,
} from '../../../../libs/dashboard/src/dto/agency-dashboard.view';
