import { useMemo } from 'react';
import { Card } from 'antd';
import type { CoverageFiguresView, UnitDashboardView } from '../../api/types';
import { formatCount, formatPercent } from '../../format';
import { Chart } from '../shared/Chart';
import { DataTable } from './DataTable';
import { unitName } from './unit-name';

type CoverageRow = CoverageFiguresView & { key: string; name: string };

/** Evaluated and approved share of each unit's headcount, and of the whole agency. */
export function CoverageCard({
  units,
  totals,
}: {
  units: UnitDashboardView[];
  totals: CoverageFiguresView;
}) {
  const rows: CoverageRow[] = useMemo(
    () => [
      ...units
        .filter((unit) => unit.headcount > 0 || unit.evaluated > 0)
        .map((unit) => ({ ...unit, key: String(unit.unitId), name: unitName(unit) })),
      { ...totals, key: 'total', name: 'Toàn cơ quan' },
    ],
    [units, totals],
  );
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: number | null) => formatPercent(value),
      },
      legend: { data: ['Đã đánh giá', 'Đã duyệt'], top: 0 },
      grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '% biên chế', min: 0, max: 100 },
      series: [
        {
          name: 'Đã đánh giá',
          type: 'bar',
          itemStyle: { color: '#5b8ff9' },
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number | null }) => formatPercent(p.value),
          },
          data: rows.map((row) => row.evaluatedShare),
        },
        {
          name: 'Đã duyệt',
          type: 'bar',
          itemStyle: { color: '#237804' },
          label: {
            show: true,
            position: 'top',
            formatter: (p: { value: number | null }) => formatPercent(p.value),
          },
          data: rows.map((row) => row.approvedShare),
        },
      ],
    }),
    [rows],
  );

  return (
    <Card title="Tiến độ đánh giá (đã đánh giá và đã duyệt trên biên chế)">
      <Chart
        option={option}
        height={300}
        label="Biểu đồ cột: tỷ lệ người đã đánh giá và đã duyệt trên biên chế của từng phòng ban và toàn cơ quan"
        testId="coverage-chart"
      />
      <DataTable<CoverageRow>
        testId="coverage-table"
        caption="Số người đã đánh giá và đã duyệt trên biên chế"
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          { title: 'Phòng ban', render: (row) => row.name },
          { title: 'Biên chế', numeric: true, render: (row) => formatCount(row.headcount) },
          {
            title: 'Đã đánh giá',
            numeric: true,
            render: (row) => `${formatCount(row.evaluated)} (${formatPercent(row.evaluatedShare)})`,
          },
          {
            title: 'Đã duyệt',
            numeric: true,
            render: (row) => `${formatCount(row.approved)} (${formatPercent(row.approvedShare)})`,
          },
        ]}
      />
    </Card>
  );
}
