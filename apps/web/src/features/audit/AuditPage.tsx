import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { AuditRecordView, Page, UserView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { formatDateTime } from '../../format';
import { useUrlState } from '../shared/use-page-params';
import { BeforeAfter } from './BeforeAfter';

const PAGE_SIZE = 50;

export const ENTITY_LABELS: Record<string, string> = {
  agency: 'Cơ quan',
  unit: 'Phòng ban',
  user: 'Người dùng',
  person: 'Nhân sự',
  criteria_set: 'Bộ tiêu chí',
  evaluation: 'Phiếu đánh giá',
  incident: 'Vi phạm',
  inspection: 'Kiểm tra',
  period: 'Kỳ đánh giá',
  nomination_list: 'Danh sách đề nghị',
  nomination_entry: 'Đề nghị',
  demo: 'Dữ liệu mẫu',
};

export const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo',
  update: 'Sửa',
  edit: 'Sửa',
  delete: 'Xoá',
  import: 'Nhập từ tệp',
  transfer: 'Chuyển phòng ban',
  submit: 'Gửi',
  approve: 'Duyệt',
  return: 'Trả lại',
  publish: 'Công bố',
  new_version: 'Phiên bản mới',
  close: 'Khoá',
  reopen: 'Mở lại',
  accept: 'Chấp thuận',
  reject: 'Không chấp thuận',
  'add-entry': 'Thêm đề nghị',
  'add-entry-override': 'Thêm đề nghị ngoài danh sách ứng viên',
  'remove-entry': 'Bỏ đề nghị',
  recount_incidents: 'Tính lại vi phạm',
  seed: 'Nạp dữ liệu mẫu',
};

/** `Nhật ký`: who changed what and when, filterable; each change's before and after side by side. */
/** The system's own changes (no user id) say which part of the system made them. */
const SYSTEM_ACTORS: Record<string, string> = {
  startup: 'Hệ thống (khi khởi động)',
  cli: 'Hệ thống (dòng lệnh)',
};

function actorLabel(actorId: number | null, username: string | null): string {
  if (actorId !== null && username) return username;
  return SYSTEM_ACTORS[username ?? ''] ?? 'Hệ thống';
}

export default function AuditPage() {
  const url = useUrlState();
  const page = Math.max(1, Number(url.get('page') ?? 1) || 1);
  const actorId = url.get('actorId');
  const entity = url.get('entity');
  const from = url.get('from');
  const to = url.get('to');

  const users = useQuery({
    queryKey: ['users', { limit: 500 }],
    queryFn: () => api<Page<UserView>>('/users', { query: { limit: 500 } }),
    staleTime: 60_000,
  });
  const query = {
    actorId,
    entity,
    // Dates are whole days in Vietnam's time; `to` is exclusive, so the day after.
    from: from ? dayjs(`${from}T00:00:00+07:00`).toISOString() : undefined,
    to: to ? dayjs(`${to}T00:00:00+07:00`).add(1, 'day').toISOString() : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const records = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api<Page<AuditRecordView>>('/audit', { query }),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<AuditRecordView> = [
    {
      title: 'Thời điểm',
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: 'Người thực hiện',
      key: 'actor',
      render: (_, r) => actorLabel(r.actorId, r.actorUsername),
    },
    { title: 'Hành động', dataIndex: 'action', render: (v: string) => ACTION_LABELS[v] ?? v },
    {
      title: 'Đối tượng',
      key: 'entity',
      render: (_, r) => `${ENTITY_LABELS[r.entity] ?? r.entity} #${r.entityId}`,
    },
    { title: 'Lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '–' },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Nhật ký thay đổi
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Select
              aria-label="Người thực hiện"
              placeholder="Người thực hiện: tất cả"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              value={actorId ? Number(actorId) : undefined}
              onChange={(value) => url.set({ actorId: value })}
              options={users.data?.items.map((u) => ({ value: u.id, label: u.username }))}
            />
            <Select
              aria-label="Đối tượng"
              placeholder="Đối tượng: tất cả"
              allowClear
              style={{ width: 220 }}
              value={entity ?? undefined}
              onChange={(value) => url.set({ entity: value })}
              options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <DatePicker.RangePicker
              aria-label="Khoảng thời gian"
              format="DD/MM/YYYY"
              placeholder={['Từ ngày', 'Đến ngày']}
              value={from && to ? [dayjs(from), dayjs(to)] : null}
              onChange={(range) =>
                url.set({
                  from: range?.[0]?.format('YYYY-MM-DD'),
                  to: range?.[1]?.format('YYYY-MM-DD'),
                })
              }
            />
          </Space>
          {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} />}
          <Table<AuditRecordView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={records.data?.items}
            loading={records.isFetching}
            expandable={{
              expandedRowRender: (r) => <BeforeAfter before={r.before} after={r.after} />,
              rowExpandable: (r) => r.before !== null || r.after !== null,
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: records.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (next) => url.set({ page: next }),
            }}
            locale={{ emptyText: 'Không có thay đổi nào khớp bộ lọc' }}
          />
        </Space>
      </Card>
    </>
  );
}
