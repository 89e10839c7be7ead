import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Page, PeriodView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { formatDateTime, formatPeriod } from '../../format';
import { showFieldProblems } from '../shared/form-errors';
import { ToneTag } from '../shared/ToneTag';

/** `Kỳ đánh giá`: the quarters, closed (no change accepted) or open; reopening needs a reason. */
export default function PeriodsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reopening, setReopening] = useState<PeriodView | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const periods = useQuery({
    queryKey: ['periods'],
    queryFn: () => api<Page<PeriodView>>('/periods', { query: { limit: 100 } }),
  });
  const done = async (text: string) => {
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: ['periods'] });
  };
  const close = useMutation({
    mutationFn: (key: string) => api(`/periods/${key}/close`, { method: 'POST', body: {} }),
    onSuccess: (_, key) => done(`Đã khoá ${formatPeriod(key)}`),
    onError: (error) => message.error(errorMessage(error)),
  });
  const reopen = useMutation({
    mutationFn: ({ key, reason }: { key: string; reason: string }) =>
      api(`/periods/${key}/reopen`, { method: 'POST', body: { reason } }),
    onSuccess: async (_, { key }) => {
      setReopening(null);
      form.resetFields();
      await done(`Đã mở lại ${formatPeriod(key)}`);
    },
    onError: (error) => {
      showFieldProblems(form, error);
      message.error(errorMessage(error));
    },
  });

  const columns: ColumnsType<PeriodView> = [
    { title: 'Quý', dataIndex: 'key', render: (key: string) => formatPeriod(key) },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      render: (status: string) =>
        status === 'closed' ? (
          <Tag icon={<LockOutlined />} color="default">
            Đã khoá
          </Tag>
        ) : (
          <ToneTag icon={<UnlockOutlined />} tone="green">
            Đang mở
          </ToneTag>
        ),
    },
    {
      title: 'Khoá lúc',
      dataIndex: 'closedAt',
      render: (value: string | null) => (value ? formatDateTime(value) : '–'),
    },
    {
      title: 'Lý do mở lại gần nhất',
      dataIndex: 'reopenReason',
      render: (value: string | null) => value ?? '–',
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, row) =>
        row.status === 'closed' ? (
          <Button icon={<UnlockOutlined />} onClick={() => setReopening(row)}>
            Mở lại
          </Button>
        ) : (
          <Popconfirm
            title={`Khoá ${formatPeriod(row.key)}? Phiếu đánh giá và vi phạm của quý sẽ không sửa được nữa.`}
            okText="Khoá"
            cancelText="Không"
            onConfirm={() => close.mutate(row.key)}
          >
            <Button icon={<LockOutlined />} aria-label={`Khoá ${formatPeriod(row.key)}`}>
              Khoá
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Kỳ đánh giá
      </Typography.Title>
      <Card>
        <Table<PeriodView>
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={periods.data?.items}
          loading={periods.isLoading}
          pagination={false}
          locale={{ emptyText: 'Chưa có quý nào' }}
        />
      </Card>
      <Modal
        open={Boolean(reopening)}
        title={reopening ? `Mở lại ${formatPeriod(reopening.key)}` : ''}
        okText="Mở lại"
        cancelText="Huỷ"
        confirmLoading={reopen.isPending}
        onOk={() => form.submit()}
        onCancel={() => setReopening(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            reopening && reopen.mutate({ key: reopening.key, reason: values.reason })
          }
        >
          <Form.Item
            name="reason"
            label="Lý do mở lại"
            rules={[
              { required: true, whitespace: true, message: 'Nhập lý do mở lại' },
              { max: 2000, message: 'Tối đa 2000 ký tự' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
