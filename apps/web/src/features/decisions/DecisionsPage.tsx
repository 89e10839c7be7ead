import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AgencyView, NominationListView, Page } from '../../api/types';
import { api } from '../../api/client';
import { formatDate, formatDateTime, formatPeriod } from '../../format';
import { NominationStatusTag } from '../shared/NominationStatusTag';
import { useUrlState } from '../shared/use-page-params';
import { NominationDetail } from '../nominations/NominationDetail';
import { DecideModal } from './DecideModal';

type Tab = 'submitted' | 'decided';

/** `Quyết định`: submitted nomination lists to accept or reject, and those decided. */
export default function DecisionsPage() {
  const url = useUrlState();
  const tab: Tab = url.get('tab') === 'decided' ? 'decided' : 'submitted';
  const openList = url.get('list') ? Number(url.get('list')) : null;
  const [deciding, setDeciding] = useState<NominationListView | null>(null);

  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
  const names = useMemo(
    () => new Map(agencies.data?.items.map((a) => [a.id, a.name]) ?? []),
    [agencies.data],
  );
  const lists = useQuery({
    queryKey: ['nominations', { tab }],
    queryFn: async () => {
      if (tab === 'submitted')
        return (
          await api<Page<NominationListView>>('/nominations', {
            query: { status: 'submitted', limit: 100 },
          })
        ).items;
      const [accepted, rejected] = await Promise.all(
        (['accepted', 'rejected'] as const).map((status) =>
          api<Page<NominationListView>>('/nominations', { query: { status, limit: 100 } }),
        ),
      );
      return [...accepted.items, ...rejected.items].sort((a, b) =>
        (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''),
      );
    },
  });

  const columns: ColumnsType<NominationListView> = [
    {
      title: 'Danh sách',
      dataIndex: 'title',
      render: (title: string, row) => (
        <Button type="link" className="link-button" onClick={() => url.set({ list: row.id })}>
          {title}
        </Button>
      ),
    },
    {
      title: 'Cơ quan đề nghị',
      key: 'agency',
      render: (_, row) =>
        row.agencyId === null ? 'Thành phố (các cơ quan)' : (names.get(row.agencyId) ?? ''),
    },
    { title: 'Kỳ', dataIndex: 'period', render: (period: string) => formatPeriod(period) },
    { title: 'Số đề nghị', dataIndex: 'entryCount', width: 110, className: 'numeric' },
    ...(tab === 'submitted'
      ? [
          {
            title: 'Gửi lúc',
            dataIndex: 'submittedAt',
            render: (value: string | null) => formatDateTime(value),
          },
          {
            title: 'Thao tác',
            key: 'decide',
            render: (_: unknown, row: NominationListView) => (
              <Button type="primary" onClick={() => setDeciding(row)}>
                Quyết định
              </Button>
            ),
          },
        ]
      : [
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (status: string) => <NominationStatusTag status={status} />,
          },
          {
            title: 'Quyết định',
            key: 'decision',
            render: (_: unknown, row: NominationListView) =>
              `Số ${row.decisionNumber} ngày ${formatDate(row.decisionDate)}`,
          },
        ]),
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Quyết định khen thưởng
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            url.set({ tab: key === 'decided' ? 'decided' : undefined, list: undefined })
          }
          items={[
            { key: 'submitted', label: 'Chờ quyết định' },
            { key: 'decided', label: 'Đã quyết định' },
          ]}
        />
        <Table<NominationListView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={lists.data}
          loading={lists.isLoading}
          rowClassName={(row) => (row.id === openList ? 'row-selected' : '')}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText:
              tab === 'submitted' ? 'Không có danh sách chờ quyết định' : 'Chưa có quyết định',
          }}
        />
      </Card>
      {openList && (
        <div style={{ marginTop: 16 }}>
          <NominationDetail key={openList} listId={openList} />
        </div>
      )}
      {deciding && <DecideModal list={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
