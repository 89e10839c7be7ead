import { useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { AgencyView, Page, UserView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { formatRole, ROLE_LABELS } from '../../format';
import { useUrlState } from '../shared/use-page-params';
import { UserFormModal, type UserAction } from './UserFormModal';
import { ToneTag } from '../shared/ToneTag';

const PAGE_SIZE = 50;

/** `Người dùng`: accounts with their role and agency; create, change role, disable, reset. */
export default function UsersPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const url = useUrlState();
  const page = Math.max(1, Number(url.get('page') ?? 1) || 1);
  const role = url.get('role');
  const agencyId = url.get('agencyId');
  const [action, setAction] = useState<UserAction | null>(null);

  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
  const names = useMemo(
    () => new Map(agencies.data?.items.map((a) => [a.id, a.name]) ?? []),
    [agencies.data],
  );
  const query = { role, agencyId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const users = useQuery({
    queryKey: ['users', query],
    queryFn: () => api<Page<UserView>>('/users', { query }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation({
    mutationFn: ({ user, active }: { user: UserView; active: boolean }) =>
      api<UserView>(`/users/${user.id}`, { method: 'PATCH', body: { active } }),
    onSuccess: async (user) => {
      message.success(
        user.active
          ? `Đã kích hoạt ${user.username}`
          : `Đã vô hiệu hoá ${user.username}; các phiên đăng nhập của người này đã kết thúc`,
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => message.error(errorMessage(error)),
  });

  const columns: ColumnsType<UserView> = [
    { title: 'Tên đăng nhập', dataIndex: 'username' },
    { title: 'Vai trò', dataIndex: 'role', render: (r: string) => formatRole(r) },
    {
      title: 'Cơ quan',
      dataIndex: 'agencyId',
      render: (id: number | null) => (id === null ? 'Thành phố' : (names.get(id) ?? id)),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <ToneTag tone="green">Đang hoạt động</ToneTag> : <Tag>Đã vô hiệu hoá</Tag>,
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, user) => (
        <Space wrap size="small">
          <Button size="small" onClick={() => setAction({ kind: 'role', user })}>
            Đổi vai trò
          </Button>
          <Button size="small" onClick={() => setAction({ kind: 'password', user })}>
            Đặt lại mật khẩu
          </Button>
          {user.active ? (
            <Popconfirm
              title={`Vô hiệu hoá ${user.username}? Người này sẽ bị đăng xuất ngay.`}
              okText="Vô hiệu hoá"
              cancelText="Không"
              onConfirm={() => setActive.mutate({ user, active: false })}
            >
              <Button size="small" danger aria-label={`Vô hiệu hoá ${user.username}`}>
                Vô hiệu hoá
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              aria-label={`Kích hoạt ${user.username}`}
              onClick={() => setActive.mutate({ user, active: true })}
            >
              Kích hoạt
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Người dùng
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Space wrap>
              <Select
                aria-label="Vai trò"
                placeholder="Vai trò: tất cả"
                allowClear
                style={{ width: 200 }}
                value={role ?? undefined}
                onChange={(value) => url.set({ role: value })}
                options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
              />
              <Select
                aria-label="Cơ quan"
                placeholder="Cơ quan: tất cả"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 280 }}
                value={agencyId ? Number(agencyId) : undefined}
                onChange={(value) => url.set({ agencyId: value })}
                options={agencies.data?.items.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Space>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAction({ kind: 'create' })}
            >
              Tạo người dùng
            </Button>
          </Space>
          <Table<UserView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (next) => url.set({ page: next }),
            }}
          />
        </Space>
      </Card>
      {action && <UserFormModal action={action} onClose={() => setAction(null)} />}
    </>
  );
}
