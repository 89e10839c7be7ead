import { Card, Descriptions, Table, Tag } from 'antd';
import type { CriteriaSetView, CriterionView } from '../../api/types';
import { formatDateTime, formatScore } from '../../format';
import { KIND_LABELS, optionsOf, TARGET_LABELS, toDefinition } from './criteria-labels';
import { ScoringPreview, type SampleValues } from './ScoringPreview';
import { ToneTag } from '../shared/ToneTag';

/** A published set, read-only: it never changes; `Phiên bản mới` makes an editable copy. */
export function CriteriaSetReadOnly({
  set,
  extra,
  samples,
  onSamplesChange,
}: {
  set: CriteriaSetView;
  extra?: React.ReactNode;
} & SampleValues) {
  return (
    <>
      <Card title={`${set.name} – phiên bản ${set.version}`} extra={extra}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'code', label: 'Mã', children: set.code },
            { key: 'target', label: 'Áp dụng cho', children: TARGET_LABELS[set.target] },
            {
              key: 'status',
              label: 'Trạng thái',
              children: <ToneTag tone="green">Đã công bố – chỉ xem</ToneTag>,
            },
            {
              key: 'published',
              label: 'Công bố lúc',
              children: formatDateTime(set.publishedAt as unknown as string),
            },
            {
              key: 'thresholds',
              label: 'Ngưỡng xếp loại',
              children: `Xuất sắc ≥ ${set.thresholds.A}, Tốt ≥ ${set.thresholds.B}, Đạt ≥ ${set.thresholds.C}`,
            },
          ]}
        />
        <Table<CriterionView>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={set.criteria}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 80 },
            { title: 'Tiêu chí', dataIndex: 'name' },
            { title: 'Nhóm', dataIndex: 'group', render: (g: string | null) => g ?? '–' },
            { title: 'Loại', dataIndex: 'kind', render: (k: string) => KIND_LABELS[k] ?? k },
            {
              title: 'Điểm tối đa',
              dataIndex: 'maxPoints',
              className: 'numeric',
              render: (v: number) => formatScore(v),
            },
            {
              title: 'Chỉ tiêu / trừ mỗi lần',
              key: 'param',
              render: (_, c) =>
                c.kind === 'percentage'
                  ? `${c.target}%`
                  : c.kind === 'count'
                    ? formatScore(c.penaltyPerUnit)
                    : '–',
            },
            {
              title: 'Tuỳ chọn',
              key: 'options',
              render: (_, c) => optionsOf(c).map((o) => <Tag key={o}>{o}</Tag>),
            },
          ]}
        />
      </Card>
      <Card title="Thử tính điểm" style={{ marginTop: 16 }}>
        <ScoringPreview
          criteria={set.criteria.map(toDefinition)}
          thresholds={set.thresholds}
          samples={samples}
          onSamplesChange={onSamplesChange}
        />
      </Card>
    </>
  );
}
