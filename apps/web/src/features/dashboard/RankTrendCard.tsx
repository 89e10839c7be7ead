import { useMemo } from 'react';
import { Card } from 'antd';
import type { RankPointView } from '../../api/types';
import { formatGrade, formatPeriod, formatScore } from '../../format';
import { Chart } from '../shared/Chart';
import { DataTable } from './DataTable';

/** The agency's city-wide rank over the last eight quarters; rank 1 at the top. */
export function RankTrendCard({ trend }: { trend: RankPointView[] }) {
  const ranked = trend.filter((point) => point.rank !== null);
  const option = useMemo(() => {
    const worst = Math.max(1, ...trend.map((point) => point.rankedOf ?? 1));
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: number | null) => (value === null ? '–' : `Hạng ${value}`),
      },
      grid: { left: 48, right: 24, top: 40, bottom: 56 },
      xAxis: {
        type: 'category',
        // "Quý IV" over "2025": eight quarters fit side by side.
        data: trend.map((point) => formatPeriod(point.period).replace('/', '\n')),
        axisLabel: { interval: 0, lineHeight: 16 },
      },
      yAxis: {
        type: 'value',
        name: 'Hạng',
        // Inverse: rank 1 at the top, and the axis name at the top with it.
        inverse: true,
        nameLocation: 'start',
        min: 1,
        max: worst,
        minInterval: 1,
      },
      series: [
        {
          name: 'Hạng',
          type: 'line',
          data: trend.map((point) => point.rank),
          connectNulls: false,
          symbolSize: 9,
          label: { show: true, position: 'top', formatter: '{c}' },
        },
      ],
    };
  }, [trend]);

  return (
    <Card title="Hạng của cơ quan trong thành phố (8 quý gần nhất)">
      {ranked.length === 0 ? (
        <p>Cơ quan chưa được xếp hạng trong 8 quý gần nhất.</p>
      ) : (
        <Chart
          option={option}
          height={300}
          label="Biểu đồ đường: hạng của cơ quan trong 8 quý gần nhất, hạng 1 ở trên cùng"
          testId="rank-trend-chart"
        />
      )}
      <DataTable<RankPointView>
        testId="rank-trend-table"
        caption="Hạng của cơ quan theo quý"
        rows={trend}
        rowKey={(point) => point.period}
        columns={[
          { title: 'Quý', render: (point) => formatPeriod(point.period) },
          {
            title: 'Hạng',
            numeric: true,
            render: (point) =>
              point.rank === null ? 'Chưa xếp hạng' : `${point.rank}/${point.rankedOf}`,
          },
          { title: 'Điểm', numeric: true, render: (point) => formatScore(point.total) },
          { title: 'Xếp loại', render: (point) => formatGrade(point.grade) },
        ]}
      />
    </Card>
  );
}
