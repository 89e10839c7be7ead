import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import type { IncidentView, PersonView } from '../../api/types';
import { usePeriod } from '../../app/use-period';
import { useSession } from '../../app/use-session';
import { formatDate, formatPeriod } from '../../format';
import { fetchAll } from '../shared/fetch-all';
import { showFieldProblems } from '../shared/form-errors';
import { useNewestSet } from '../evaluations/use-grid-data';

interface IncidentForm {
  subjectId: number;
  criterionCode: string;
  occurredOn: Dayjs;
  note?: string;
}

/** `Vi phạm`: incidents of the agency's people by quarter; each one counts in the evaluation. */
export default function IncidentsPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [period] = usePeriod(['quarter']);
  const agencyId = user?.agencyId ?? null;
  const [form] = Form.useForm<IncidentForm>();
  const [saving, setSaving] = useState(false);

  const set = useNewestSet('person');
  const incidentCriteria = useMemo(
    () => (set.data?.criteria ?? []).filter((c) => c.fromIncidents),
    [set.data],
  );
  const people = useQuery({
    queryKey: ['people', 'all', agencyId],
    queryFn: () => fetchAll<PersonView>('/people', { agencyId, active: true }),
    enabled: agencyId !== null,
  });
  const incidents = useQuery({
    queryKey: ['evaluations', 'incidents', agencyId, period],
    queryFn: () =>
      fetchAll<IncidentView>('/incidents', { agencyId, period, subjectType: 'person' }),
    enabled: agencyId !== null,
  });
  const personName = new Map(people.data?.map((p) => [p.id, `${p.fullName} (${p.employeeCode})`]));
  const criterionName = new Map(set.data?.criteria.map((c) => [c.code, c.name]));

  // The evaluations' totals count incidents: the grid and the approvals follow.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['evaluations'] });

  const record = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api('/incidents', {
        method: 'POST',
        body: {
          subjectType: 'person',
          subjectId: values.subjectId,
          criterionCode: values.criterionCode,
          occurredOn: values.occurredOn.format('YYYY-MM-DD'),
          note: values.note?.trim() || undefined,
        },
      });
      message.success('Đã ghi nhận vi phạm.');
      form.resetFields(['note']);
      await refresh();
    } catch (error) {
      showFieldProblems(form, error);
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (incident: IncidentView) => {
    try {
      await api(`/incidents/${incident.id}`, { method: 'DELETE' });
      message.success('Đã xoá vi phạm.');
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const rows = [...(incidents.data ?? [])]
    .filter((i) => !i.deletedAt)
    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id - a.id);

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Vi phạm {formatPeriod(period)}
      </Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="Ghi nhận vi phạm">
          <Form form={form} layout="inline" className="incident-form">
            <Form.Item
              name="subjectId"
              label="Người vi phạm"
              rules={[{ required: true, message: 'Vui lòng chọn người.' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 280 }}
                placeholder="Chọn người"
                options={people.data?.map((p) => ({
                  value: p.id,
                  label: `${p.fullName} (${p.employeeCode})`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="criterionCode"
              label="Tiêu chí"
              rules={[{ required: true, message: 'Vui lòng chọn tiêu chí.' }]}
            >
              <Select
                style={{ width: 300 }}
                placeholder="Chọn tiêu chí"
                options={incidentCriteria.map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
            <Form.Item
              name="occurredOn"
              label="Ngày"
              rules={[{ required: true, message: 'Vui lòng chọn ngày.' }]}
            >
              <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
            </Form.Item>
            <Form.Item name="note" label="Ghi chú">
              <Input style={{ width: 320 }} maxLength={2000} />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                loading={saving}
                onClick={() => void record().catch(() => undefined)}
              >
                Ghi nhận
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Card title={`Vi phạm trong ${formatPeriod(period)}`}>
          {incidents.isError && (
            <Alert type="error" showIcon title={errorMessage(incidents.error)} />
          )}
          <Table<IncidentView>
            rowKey="id"
            size="middle"
            loading={incidents.isPending}
            dataSource={rows}
            locale={{ emptyText: 'Không có vi phạm nào' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: 'Ngày', dataIndex: 'occurredOn', width: 120, render: formatDate },
              {
                title: 'Người vi phạm',
                dataIndex: 'subjectId',
                render: (id: number) => personName.get(id) ?? `#${id}`,
              },
              {
                title: 'Tiêu chí',
                dataIndex: 'criterionCode',
                render: (code: string) => criterionName.get(code) ?? code,
              },
              { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '' },
              {
                title: 'Thao tác',
                key: 'actions',
                width: 100,
                render: (_, incident) => (
                  <Popconfirm
                    title="Xoá vi phạm này?"
                    okText="Xoá"
                    cancelText="Huỷ"
                    onConfirm={() => remove(incident)}
                  >
                    <Button
                      size="small"
                      danger
                      aria-label={`Xoá vi phạm ngày ${formatDate(incident.occurredOn)} của ${personName.get(incident.subjectId) ?? ''}`}
                    >
                      Xoá
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
