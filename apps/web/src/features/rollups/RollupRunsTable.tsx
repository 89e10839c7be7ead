import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RollupRunView } from '../../api/types';
import { formatCount, formatDateTime, formatPeriod } from '../../format';
import { RollupStatusTag, TRIGGER_LABELS } from '../shared/RollupStatusTag';

const columns: ColumnsType<RollupRunView> = [
  { title: 'Lượt', dataIndex: 'id', width: 80, className: 'numeric' },
  { title: 'Kỳ', dataIndex: 'period', render: (period: string) => formatPeriod(period) },
  {
    title: 'Trạng thái',
    dataIndex: 'status',
    render: (status: string) => <RollupStatusTag status={status} />,
  },
  {
    title: 'Cách chạy',
    dataIndex: 'trigger',
    render: (trigger: string) => TRIGGER_LABELS[trigger] ?? trigger,
  },
  { title: 'Bắt đầu', dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
  {
    title: 'Kết thúc',
    dataIndex: 'finishedAt',
    render: (v: string | null) => (v ? formatDateTime(v) : '–'),
  },
  {
    title: 'Số đối tượng',
    dataIndex: 'subjects',
    className: 'numeric',
    render: (v: number | null) => formatCount(v),
  },
  { title: 'Lỗi', dataIndex: 'error', render: (v: string | null) => v ?? '–' },
];

export function RollupRunsTable({
  runs,
  loading,
}: {
  runs: RollupRunView[] | undefined;
  loading: boolean;
}) {
  return (
    <Table<RollupRunView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={runs}
      loading={loading}
      pagination={false}
      locale={{ emptyText: 'Chưa có lượt tổng hợp nào' }}
    />
  );
}
