import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { AgencyDashboardView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { usePeriod } from '../../app/use-period';
import { formatCount, formatPercent, formatPeriod } from '../../format';
import { CoverageCard } from './CoverageCard';
import { GradesByUnitCard } from './GradesByUnitCard';
import { RankTrendCard } from './RankTrendCard';

/** `Tổng quan` of the department head (UI.md §3): the agency's quarter at a glance. */
export default function DashboardPage() {
  const [period] = usePeriod(['quarter']);
  const dashboard = useQuery({
    queryKey: ['dashboard', 'agency', period],
    queryFn: () => api<AgencyDashboardView>('/dashboard/agency', { query: { period } }),
  });
  const data = dashboard.data;
  const agencyName = data?.agency.shortName ?? data?.agency.name ?? '';

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Tổng quan {formatPeriod(period)}
        {agencyName && <span className="page-subtitle"> · {agencyName}</span>}
      </Typography.Title>
      {dashboard.isError && <Alert type="error" showIcon title={errorMessage(dashboard.error)} />}
      {dashboard.isLoading && <Spin size="large" className="page-spinner" />}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} xl={6}>
            <Card data-testid="waiting-count">
              <Statistic
                title="Chờ duyệt"
                value={data.waitingForApproval.period}
                formatter={(value) => formatCount(Number(value))}
                suffix="phiếu"
              />
              <Typography.Text type="secondary">
                Mọi kỳ chưa khoá: {formatCount(data.waitingForApproval.openPeriods)} phiếu
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Card>
              <Statistic
                title="Biên chế"
                value={data.totals.headcount}
                formatter={(value) => formatCount(Number(value))}
                suffix="người"
              />
              <Typography.Text type="secondary">Người đang công tác</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Card>
              <Statistic
                title="Đã đánh giá"
                value={data.totals.evaluated}
                formatter={(value) => formatCount(Number(value))}
                suffix={`/ ${formatCount(data.totals.headcount)}`}
              />
              <Typography.Text type="secondary">
                {formatPercent(data.totals.evaluatedShare)} biên chế
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Card>
              <Statistic
                title="Đã duyệt"
                value={data.totals.approved}
                formatter={(value) => formatCount(Number(value))}
                suffix={`/ ${formatCount(data.totals.headcount)}`}
              />
              <Typography.Text type="secondary">
                {formatPercent(data.totals.approvedShare)} biên chế ·{' '}
                <Link to={`/rankings?period=${period}`}>Xem xếp hạng</Link>
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <RankTrendCard trend={data.rankTrend} />
          </Col>
          <Col xs={24} xl={12}>
            <GradesByUnitCard units={data.units} period={period} />
          </Col>
          <Col xs={24}>
            <CoverageCard units={data.units} totals={data.totals} />
          </Col>
        </Row>
      )}
    </>
  );
}
