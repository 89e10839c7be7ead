import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { AgencyView, NominationDetailView, NominationListView, Page } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { showFieldProblems } from '../shared/form-errors';
import { usePeriod } from '../../app/use-period';
import { useSession } from '../../app/use-session';
import { formatDate, formatPeriod } from '../../format';
import { DownloadButtons } from '../shared/DownloadButtons';
import { NominationStatusTag } from '../shared/NominationStatusTag';
import { useUrlState } from '../shared/use-page-params';
import { NominationDetail } from './NominationDetail';

const CITY_LIST = 0;

interface CreateForm {
  title: string;
  agencyId?: number;
}

/** `Đề nghị khen thưởng`: the lists of the period, one list open, and the period's downloads. */
export default function NominationsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [period] = usePeriod(['year', 'half']);
  const url = useUrlState();
  const cityWide = !user?.agencyId;
  const openList = url.get('list') ? Number(url.get('list')) : null;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateForm>();

  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
  const agencyName = (id: number | null) =>
    id === null ? 'Các cơ quan' : (agencies.data?.items.find((a) => a.id === id)?.name ?? '');
  const lists = useQuery({
    queryKey: ['nominations', { period }],
    queryFn: () => api<Page<NominationListView>>('/nominations', { query: { period, limit: 100 } }),
  });

  const create = useMutation({
    mutationFn: (values: CreateForm) =>
      api<NominationDetailView>('/nominations', {
        method: 'POST',
        body: {
          title: values.title,
          period,
          ...(cityWide && values.agencyId !== CITY_LIST ? { agencyId: values.agencyId } : {}),
        },
      }),
    onSuccess: async (list) => {
      message.success('Đã tạo danh sách');
      setCreating(false);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
      url.set({ list: list.id });
    },
    onError: (error) => {
      showFieldProblems(form, error);
      message.error(errorMessage(error));
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
    ...(cityWide
      ? [
          {
            title: 'Cơ quan',
            key: 'agency',
            render: (_: unknown, row: NominationListView) => agencyName(row.agencyId),
          },
        ]
      : []),
    { title: 'Số đề nghị', dataIndex: 'entryCount', width: 110, className: 'numeric' },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 150,
      render: (status: string) => <NominationStatusTag status={status} />,
    },
    {
      title: 'Quyết định',
      key: 'decision',
      render: (_, row) =>
        row.decisionNumber ? `Số ${row.decisionNumber} ngày ${formatDate(row.decisionDate)}` : '–',
    },
  ];

  const rankingQuery = { period, subjectType: 'person', agencyId: user?.agencyId ?? undefined };
  return (
    <>
      <Typography.Title level={2} className="page-title">
        Đề nghị khen thưởng {formatPeriod(period)}
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title="Danh sách đề nghị"
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo danh sách
            </Button>
          }
        >
          <Table<NominationListView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={lists.data?.items}
            loading={lists.isLoading}
            rowClassName={(row) => (row.id === openList ? 'row-selected' : '')}
            pagination={false}
            locale={{ emptyText: `Chưa có danh sách đề nghị ${formatPeriod(period)}` }}
          />
        </Card>
        {openList && <NominationDetail key={openList} listId={openList} />}
        <Card title="Tải về">
          <Space direction="vertical">
            <Space wrap>
              <span className="download-label">Báo cáo {formatPeriod(period)}:</span>
              <DownloadButtons
                path="/reports/summary"
                query={{ period }}
                what={`báo cáo ${formatPeriod(period)}`}
              />
            </Space>
            <Space wrap>
              <span className="download-label">Toàn bộ xếp hạng {formatPeriod(period)}:</span>
              <DownloadButtons
                path="/rankings/export"
                query={rankingQuery}
                what={`bảng xếp hạng ${formatPeriod(period)}`}
              />
            </Space>
          </Space>
        </Card>
      </Space>
      <Modal
        open={creating}
        title={`Tạo danh sách đề nghị ${formatPeriod(period)}`}
        okText="Tạo"
        cancelText="Huỷ"
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<CreateForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            title: `Danh sách đề nghị khen thưởng ${formatPeriod(period).toLowerCase()}`,
            agencyId: cityWide ? CITY_LIST : undefined,
          }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item
            name="title"
            label="Tên danh sách"
            rules={[
              { required: true, whitespace: true, message: 'Nhập tên danh sách' },
              { max: 255, message: 'Tối đa 255 ký tự' },
            ]}
          >
            <Input maxLength={255} />
          </Form.Item>
          {cityWide && (
            <Form.Item name="agencyId" label="Đề nghị cho" rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: CITY_LIST, label: 'Các cơ quan của thành phố' },
                  ...(agencies.data?.items.map((a) => ({
                    value: a.id,
                    label: `Cá nhân của ${a.name}`,
                  })) ?? []),
                ]}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
