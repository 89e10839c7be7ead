import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import type { AgencyView, EvaluationItemView, EvaluationView, PersonView } from '../../api/types';
import { useSession } from '../../app/use-session';
import { formatDateTime, formatGrade, formatPeriod, formatScore, formatStatus } from '../../format';
import { fetchAll } from '../shared/fetch-all';
import { formatCellValue } from '../evaluations/grid-values';

/** Names of the evaluated: people of the agency, or agencies for the admin. */
function useSubjectNames(agencyId: number | null, isAdmin: boolean) {
  const people = useQuery({
    queryKey: ['people', 'all', agencyId],
    queryFn: () => fetchAll<PersonView>('/people', { agencyId, active: true }),
    enabled: agencyId !== null,
  });
  const agencies = useQuery({
    queryKey: ['agencies', 'all'],
    queryFn: () => fetchAll<AgencyView>('/agencies'),
    enabled: isAdmin,
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const p of people.data ?? [])
      names.set(`person:${p.id}`, `${p.fullName} (${p.employeeCode})`);
    for (const a of agencies.data ?? []) names.set(`agency:${a.id}`, a.name);
    return names;
  }, [people.data, agencies.data]);
}

/** `Chờ duyệt`: submitted evaluations, newest first; approve or return each, or several at once. */
export default function ApprovalsPage() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const agencyId = user?.agencyId ?? null;
  const isAdmin = user?.role === 'admin';
  const names = useSubjectNames(agencyId, isAdmin);
  const [selectedKeys, setSelectedKeys] = useState<number[]>([]);
  const [open, setOpen] = useState<EvaluationView | null>(null);
  const [returning, setReturning] = useState<EvaluationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const waiting = useQuery({
    queryKey: ['evaluations', 'submitted', agencyId, isAdmin],
    queryFn: async () => {
      const items = await fetchAll<EvaluationView>('/evaluations', {
        status: 'submitted',
        agencyId: agencyId ?? undefined,
        // The admin approves agencies; people are their department head's.
        subjectType: isAdmin ? 'agency' : 'person',
      });
      return items.sort(
        (a, b) =>
          String(b.submittedAt ?? '').localeCompare(String(a.submittedAt ?? '')) || b.id - a.id,
      );
    },
  });

  const nameOf = (e: EvaluationView) =>
    names.get(`${e.subjectType}:${e.subjectId}`) ?? `#${e.subjectId}`;

  const afterChange = async () => {
    setSelectedKeys([]);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['evaluations'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
  };

  const approve = async (evaluations: EvaluationView[]) => {
    setBusy(true);
    const refused: string[] = [];
    let approved = 0;
    // One call per evaluation: each approval is its own workflow step with its own audit record.
    for (const evaluation of evaluations) {
      try {
        await api(`/evaluations/${evaluation.id}/approve`, { method: 'POST', body: {} });
        approved += 1;
      } catch (error) {
        refused.push(`${nameOf(evaluation)}: ${errorMessage(error)}`);
      }
    }
    setBusy(false);
    setOpen(null);
    await afterChange();
    if (approved > 0) message.success(`Đã duyệt ${approved} phiếu.`);
    if (refused.length > 0)
      modal.warning({
        title: `${refused.length} phiếu chưa duyệt được`,
        content: (
          <ul className="problem-list">
            {refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ),
        okText: 'Đóng',
      });
  };

  const sendBack = async () => {
    if (!returning) return;
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await api(`/evaluations/${returning.id}/return`, { method: 'POST', body: { reason } });
      message.success(`Đã trả lại phiếu của ${nameOf(returning)}.`);
      setReturning(null);
      setOpen(null);
      form.resetFields();
      await afterChange();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<EvaluationView> = [
    {
      title: isAdmin ? 'Cơ quan' : 'Họ và tên',
      key: 'name',
      render: (_, e) => (
        <Button type="link" onClick={() => setOpen(e)} style={{ padding: 0 }}>
          {nameOf(e)}
        </Button>
      ),
    },
    { title: 'Kỳ', dataIndex: 'period', width: 130, render: formatPeriod },
    {
      title: 'Điểm',
      dataIndex: 'total',
      width: 100,
      className: 'numeric',
      render: (total: number) => formatScore(total),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'grade',
      width: 120,
      render: formatGrade,
    },
    { title: 'Gửi lúc', dataIndex: 'submittedAt', width: 170, render: formatDateTime },
    { title: 'Trạng thái', dataIndex: 'status', width: 110, render: formatStatus },
  ];

  const chosen = (waiting.data ?? []).filter((e) => selectedKeys.includes(e.id));

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Chờ duyệt
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space>
            <Button
              type="primary"
              disabled={chosen.length === 0}
              loading={busy}
              onClick={() => void approve(chosen)}
            >
              Duyệt các phiếu đã chọn ({chosen.length})
            </Button>
            <Typography.Text type="secondary">
              {waiting.data?.length ?? 0} phiếu chờ duyệt
            </Typography.Text>
          </Space>
          {waiting.isError && <Alert type="error" showIcon title={errorMessage(waiting.error)} />}
          <Table<EvaluationView>
            rowKey="id"
            size="middle"
            loading={waiting.isPending}
            columns={columns}
            dataSource={waiting.data}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowSelection={{
              selectedRowKeys: selectedKeys,
              onChange: (keys) => setSelectedKeys(keys as number[]),
              getCheckboxProps: (e) => ({ 'aria-label': `Chọn ${nameOf(e)}` }),
            }}
            locale={{ emptyText: 'Không có phiếu nào chờ duyệt' }}
          />
        </Space>
      </Card>
      <Drawer
        title={open ? `Phiếu đánh giá: ${nameOf(open)}` : ''}
        open={open !== null}
        size={720}
        onClose={() => setOpen(null)}
        extra={
          open && (
            <Space>
              <Button onClick={() => setReturning(open)}>Trả lại</Button>
              <Button type="primary" loading={busy} onClick={() => void approve([open])}>
                Duyệt
              </Button>
            </Space>
          )
        }
      >
        {open && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'period', label: 'Kỳ', children: formatPeriod(open.period) },
                { key: 'status', label: 'Trạng thái', children: formatStatus(open.status) },
                { key: 'total', label: 'Tổng điểm', children: formatScore(open.total) },
                { key: 'grade', label: 'Xếp loại', children: formatGrade(open.grade) },
                { key: 'sent', label: 'Gửi lúc', children: formatDateTime(open.submittedAt) },
              ]}
            />
            <Table<EvaluationItemView>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={open.items}
              columns={[
                { title: 'Tiêu chí', dataIndex: 'name' },
                {
                  title: 'Giá trị',
                  dataIndex: 'value',
                  width: 90,
                  className: 'numeric',
                  render: (v: EvaluationItemView['value']) => formatCellValue(v) || '–',
                },
                {
                  title: 'Điểm',
                  key: 'points',
                  width: 110,
                  className: 'numeric',
                  render: (_, item) =>
                    `${formatScore(item.points)} / ${formatScore(item.maxPoints)}`,
                },
                { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '' },
              ]}
            />
          </Space>
        )}
      </Drawer>
      <Modal
        title={returning ? `Trả lại phiếu của ${nameOf(returning)}` : ''}
        open={returning !== null}
        okText="Trả lại"
        cancelText="Huỷ"
        confirmLoading={busy}
        onOk={() => void sendBack().catch(() => undefined)}
        onCancel={() => {
          setReturning(null);
          form.resetFields();
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="Lý do trả lại"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập lý do trả lại.' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
