import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Col, Row, Table, Typography } from 'antd';
import type {
  AgencyView,
  PersonView,
  RankingHistoryItemView,
  RankingHistoryView,
} from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { formatPeriod, formatScore } from '../../format';
import { Chart } from '../shared/Chart';
import { GradeTag } from '../shared/GradeTag';

/** A person's or an agency's ranks over the periods, as a chart and as a table. */
export default function HistoryPage() {
  const { subjectType = 'person', subjectId = '' } = useParams();
  const isPerson = subjectType === 'person';
  const subject = useQuery({
    queryKey: [isPerson ? 'people' : 'agencies', subjectId],
    queryFn: () =>
      api<PersonView | AgencyView>(`/${isPerson ? 'people' : 'agencies'}/${subjectId}`),
  });
  const history = useQuery({
    queryKey: ['rankings', 'history', subjectType, subjectId],
    queryFn: () =>
      api<RankingHistoryView>('/rankings/history', { query: { subjectType, subjectId } }),
  });
  const name = subject.data
    ? 'fullName' in subject.data
      ? subject.data.fullName
      : subject.data.name
    : '';
  // Quarters in time order for the chart; the table lists newest first, as the API does.
  const quarters = useMemo(
    () => (history.data?.items ?? []).filter((i) => i.period.includes('Q')).reverse(),
    [history.data],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['Hạng', 'Điểm'] },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: quarters.map((i) => formatPeriod(i.period)) },
      yAxis: [
        { type: 'value', name: 'Hạng', inverse: true, minInterval: 1, min: 1 },
        { type: 'value', name: 'Điểm', min: 0, max: 100 },
      ],
      series: [
        { name: 'Hạng', type: 'line', data: quarters.map((i) => i.rank), symbolSize: 8 },
        {
          name: 'Điểm',
          type: 'line',
          yAxisIndex: 1,
          data: quarters.map((i) => i.total),
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [quarters],
  );

  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to={`/rankings${isPerson ? '' : '?type=agency'}`}>Xếp hạng</Link> },
          { title: name || '…' },
        ]}
      />
      <Typography.Title level={2} className="page-title" style={{ marginTop: 12 }}>
        Lịch sử xếp hạng: {name}
      </Typography.Title>
      {(history.isError || subject.isError) && (
        <Alert type="error" showIcon title={errorMessage(history.error ?? subject.error)} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="Hạng và điểm theo quý">
            <Chart
              option={option}
              label={`Biểu đồ hạng và điểm theo quý của ${name}`}
              testId="history-chart"
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="Các kỳ đã xếp hạng">
            <Table<RankingHistoryItemView>
              rowKey="period"
              size="small"
              loading={history.isLoading}
              dataSource={history.data?.items}
              pagination={false}
              locale={{ emptyText: 'Chưa được xếp hạng kỳ nào' }}
              columns={[
                { title: 'Kỳ', dataIndex: 'period', render: formatPeriod },
                {
                  title: 'Hạng',
                  key: 'rank',
                  className: 'numeric',
                  render: (_, row) => `${row.rank}/${row.rankedOf}`,
                },
                {
                  title: 'Điểm',
                  dataIndex: 'total',
                  className: 'numeric',
                  render: (total: number) => formatScore(total),
                },
                {
                  title: 'Xếp loại',
                  dataIndex: 'grade',
                  render: (grade: string) => <GradeTag grade={grade} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
