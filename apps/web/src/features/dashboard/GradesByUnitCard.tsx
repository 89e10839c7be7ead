import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import type { UnitDashboardView } from '../../api/types';
import { formatCount, formatPeriod, GRADE_LABELS, type Grade } from '../../format';
import { Chart } from '../shared/Chart';
import { DataTable } from './DataTable';
import { unitName } from './unit-name';

const GRADES: Grade[] = ['A', 'B', 'C', 'D'];
/** Chart colours dark enough to read white labels on; the grade's word is in the legend too. */
const GRADE_CHART_COLORS: Record<Grade, string> = {
  A: '#237804',
  B: '#0958d9',
  C: '#874d00',
  D: '#a8071a',
};

/** Approved evaluations of the quarter by grade, one stacked bar per unit. */
export function GradesByUnitCard({
  units,
  period,
}: {
  units: UnitDashboardView[];
  period: string;
}) {
  const withPeople = units.filter((unit) => unit.headcount > 0 || unit.approved > 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: GRADES.map((grade) => GRADE_LABELS[grade]), top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: withPeople.map(unitName),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: GRADES.map((grade) => ({
        name: GRADE_LABELS[grade],
        type: 'bar',
        stack: 'grades',
        itemStyle: { color: GRADE_CHART_COLORS[grade] },
        label: {
          show: true,
          color: '#fff',
          formatter: (p: { value: number }) => (p.value ? p.value : ''),
        },
        data: withPeople.map((unit) => unit.grades[grade]),
      })),
    }),
    [withPeople],
  );

  return (
    <Card title={`Xếp loại theo phòng ban (${formatPeriod(period)}, phiếu đã duyệt)`}>
      {withPeople.every((unit) => unit.approved === 0) && (
        <Typography.Paragraph type="secondary">
          Chưa có phiếu nào của {formatPeriod(period)} được duyệt.
        </Typography.Paragraph>
      )}
      <Chart
        option={option}
        height={Math.max(220, 60 + withPeople.length * 36)}
        label={`Biểu đồ cột chồng: số người xếp loại Xuất sắc, Tốt, Đạt, Chưa đạt của từng phòng ban trong ${formatPeriod(period)}`}
        testId="grades-chart"
      />
      <DataTable<UnitDashboardView>
        testId="grades-table"
        caption={`Số người theo xếp loại của từng phòng ban, ${formatPeriod(period)}`}
        rows={withPeople}
        rowKey={(unit) => String(unit.unitId)}
        columns={[
          { title: 'Phòng ban', render: unitName },
          ...GRADES.map((grade) => ({
            title: GRADE_LABELS[grade],
            numeric: true,
            render: (unit: UnitDashboardView) => formatCount(unit.grades[grade]),
          })),
        ]}
      />
    </Card>
  );
}
