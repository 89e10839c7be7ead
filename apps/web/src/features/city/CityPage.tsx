import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Pagination, Row, Segmented, Typography } from 'antd';
import type { AgencyAveragePageView, CityCoverageView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { usePeriod } from '../../app/use-period';
import { formatPeriod, formatScore } from '../../format';
import { Chart } from '../shared/Chart';
import { useUrlState } from '../shared/use-page-params';
import { RollupRunsTable } from '../rollups/RollupRunsTable';
import { useRollupRuns } from '../rollups/use-rollup-runs';

const AGENCIES_PER_PAGE = 10;
type Share = 'approved' | 'evaluated';

const quarterLabel = (key: string) => `Quý ${['I', 'II', 'III', 'IV'][Number(key.slice(-1)) - 1]}`;
const percent = (value: number | null) =>
  value === null ? '–' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

/** `Tổng quan thành phố`: agencies by average total, coverage by quarter, the last roll-ups. */
export default function CityPage() {
  const [period] = usePeriod();
  const url = useUrlState();
  const page = Math.max(1, Number(url.get('page') ?? 1) || 1);
  const [share, setShare] = useState<Share>('approved');

  const agencies = useQuery({
    queryKey: ['dashboard', 'city', 'agencies', period, page],
    queryFn: () =>
      api<AgencyAveragePageView>('/dashboard/city/agencies', {
        query: { period, limit: AGENCIES_PER_PAGE, offset: (page - 1) * AGENCIES_PER_PAGE },
      }),
    placeholderData: keepPreviousData,
  });
  const coverage = useQuery({
    queryKey: ['dashboard', 'city', 'coverage', period],
    queryFn: () => api<CityCoverageView>('/dashboard/city/coverage', { query: { period } }),
  });
  const runs = useRollupRuns(5);

  const bars = useMemo(() => {
    const items = [...(agencies.data?.items ?? [])].reverse();
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: {
        type: 'category',
        data: items.map((a) => `${a.rank}. ${a.shortName ?? a.name}`),
      },
      tooltip: { trigger: 'axis' },
      series: [
        {
          type: 'bar',
          name: 'Điểm trung bình',
          data: items.map((a) => a.averageTotal),
          itemStyle: { color: '#1d4ed8' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatScore(p.value),
          },
        },
      ],
    };
  }, [agencies.data]);

  const heat = useMemo(() => {
    const data = coverage.data;
    if (!data) return null;
    const rows = data.items;
    const cells = rows.flatMap((agency, y) =>
      agency.quarters.map((q, x) => {
        const value = share === 'approved' ? q.approvedShare : q.evaluatedShare;
        return [x, y, value ?? '-'];
      }),
    );
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: data.quarters.map(quarterLabel), splitArea: { show: true } },
      yAxis: { type: 'category', data: rows.map((a) => a.shortName ?? a.name), inverse: true },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#fff1f0', '#ffe7ba', '#d9f7be', '#95de64'] },
        text: ['100%', '0%'],
      },
      tooltip: { position: 'top' },
      series: [
        {
          type: 'heatmap',
          name: share === 'approved' ? 'Đã duyệt' : 'Đã đánh giá',
          data: cells,
          label: {
            show: true,
            formatter: (p: { value: [number, number, number | string] }) =>
              typeof p.value[2] === 'number' ? percent(p.value[2]) : '–',
            color: '#111',
          },
        },
      ],
    };
  }, [coverage.data, share]);

  const heatHeight = Math.max(200, (coverage.data?.items.length ?? 0) * 28 + 90);
  return (
    <>
      <Typography.Title level={2} className="page-title">
        Tổng quan thành phố {formatPeriod(period)}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title="Cơ quan theo điểm trung bình"
            extra={
              <Link to={`/rankings?period=${period}&type=agency`}>Xem bảng xếp hạng cơ quan</Link>
            }
          >
            {agencies.isError && (
              <Alert type="error" showIcon title={errorMessage(agencies.error)} />
            )}
            {agencies.data && agencies.data.total === 0 ? (
              <Empty description={`Chưa có kết quả ${formatPeriod(period)}`} />
            ) : (
              <Chart
                option={bars}
                height={Math.max(160, (agencies.data?.items.length ?? 0) * 34 + 40)}
                label={`Điểm trung bình của các cơ quan ${formatPeriod(period)}, trang ${page}`}
                testId="city-agencies-chart"
              />
            )}
            <Pagination
              size="small"
              current={page}
              pageSize={AGENCIES_PER_PAGE}
              total={agencies.data?.total ?? 0}
              hideOnSinglePage
              showSizeChanger={false}
              showTotal={(total) => `${total} cơ quan`}
              onChange={(next) => url.set({ page: next })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={`Tỷ lệ phủ năm ${coverage.data?.year ?? ''}`}
            extra={
              <Segmented
                aria-label="Tỷ lệ"
                value={share}
                onChange={(value) => setShare(value as Share)}
                options={[
                  { value: 'approved', label: 'Đã duyệt' },
                  { value: 'evaluated', label: 'Đã đánh giá' },
                ]}
              />
            }
          >
            {coverage.isError && (
              <Alert type="error" showIcon title={errorMessage(coverage.error)} />
            )}
            <Typography.Paragraph type="secondary">
              Phần trăm biên chế {share === 'approved' ? 'đã được duyệt' : 'đã được đánh giá'} theo
              cơ quan và quý.
            </Typography.Paragraph>
            {heat && (
              <Chart
                heatmap
                option={heat}
                height={heatHeight}
                label={`Tỷ lệ ${share === 'approved' ? 'đã duyệt' : 'đã đánh giá'} theo cơ quan và quý`}
                testId="city-coverage-chart"
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Các lượt tổng hợp gần đây" extra={<Link to="/rollups">Xem tất cả</Link>}>
            <RollupRunsTable runs={runs.data?.items} loading={runs.isLoading} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
