import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import type { AgencyView, InspectionView } from '../../api/types';
import { usePeriod } from '../../app/use-period';
import { formatDate, formatPeriod } from '../../format';
import { fetchAll } from '../shared/fetch-all';
import { showFieldProblems } from '../shared/form-errors';
import { parseCellInput } from '../evaluations/grid-values';
import { useNewestSet } from '../evaluations/use-grid-data';
import { AgencyEvaluationDrawer } from './AgencyEvaluationDrawer';

interface VisitForm {
  agencyId: number;
  visitedOn: Dayjs;
  leader: string;
  members?: string[];
  strengths?: string;
  shortcomings?: string;
  recommendations?: string;
  checklist?: Record<string, string>;
}

/** `Kiểm tra`: the inspector records visits with their checklist and completes the agency's evaluation. */
export default function InspectionsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [period] = usePeriod(['quarter']);
  const [form] = Form.useForm<VisitForm>();
  const [saving, setSaving] = useState(false);
  const [opened, setOpened] = useState<{ agencyId: number; period: string } | null>(null);

  const set = useNewestSet('agency');
  const checklistCriteria = useMemo(
    () => (set.data?.criteria ?? []).filter((c) => !c.fromIncidents),
    [set.data],
  );
  const agencies = useQuery({
    queryKey: ['agencies', 'all'],
    queryFn: () => fetchAll<AgencyView>('/agencies'),
    staleTime: 5 * 60_000,
  });
  const agencyName = new Map(agencies.data?.map((a) => [a.id, a.name]));
  const inspections = useQuery({
    queryKey: ['inspections', period],
    queryFn: () => fetchAll<InspectionView>('/inspections', { period }),
  });

  const record = async () => {
    const values = await form.validateFields();
    const checklist: Record<string, number | boolean> = {};
    const problems: { name: (string | number)[]; errors: string[] }[] = [];
    for (const def of checklistCriteria) {
      const text = values.checklist?.[def.code] ?? '';
      const parsed = parseCellInput(def, text);
      if ('error' in parsed)
        problems.push({ name: ['checklist', def.code], errors: [parsed.error] });
      else if (parsed.value !== null) checklist[def.code] = parsed.value;
    }
    if (problems.length > 0) {
      form.setFields(problems as never);
      return;
    }
    setSaving(true);
    try {
      const visit = await api<InspectionView>('/inspections', {
        method: 'POST',
        body: {
          agencyId: values.agencyId,
          visitedOn: values.visitedOn.format('YYYY-MM-DD'),
          leader: values.leader,
          members: values.members ?? [],
          strengths: values.strengths ?? '',
          shortcomings: values.shortcomings ?? '',
          recommendations: values.recommendations ?? '',
          checklist,
        },
      });
      message.success('Đã ghi nhận đợt kiểm tra.');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['inspections'] });
      await queryClient.invalidateQueries({ queryKey: ['evaluations'] });
      setOpened({ agencyId: visit.agencyId, period: visit.period });
    } catch (error) {
      // `checklist.A1` lands at the criterion's field.
      showFieldProblems(form, error);
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Kiểm tra {formatPeriod(period)}
      </Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title="Ghi nhận đợt kiểm tra">
          <Form form={form} layout="vertical">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="agencyId"
                  label="Cơ quan được kiểm tra"
                  rules={[{ required: true, message: 'Vui lòng chọn cơ quan.' }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="Chọn cơ quan"
                    options={agencies.data?.map((a) => ({ value: a.id, label: a.name }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item
                  name="visitedOn"
                  label="Ngày kiểm tra"
                  rules={[{ required: true, message: 'Vui lòng chọn ngày.' }]}
                >
                  <DatePicker
                    format="DD/MM/YYYY"
                    placeholder="dd/mm/yyyy"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item
                  name="leader"
                  label="Trưởng đoàn"
                  rules={[
                    { required: true, whitespace: true, message: 'Vui lòng nhập trưởng đoàn.' },
                  ]}
                >
                  <Input maxLength={255} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="members" label="Thành viên đoàn">
                  <Select
                    mode="tags"
                    placeholder="Gõ tên rồi Enter"
                    open={false}
                    suffixIcon={null}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="strengths" label="Ưu điểm">
                  <Input.TextArea rows={3} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="shortcomings" label="Tồn tại, hạn chế">
                  <Input.TextArea rows={3} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="recommendations" label="Kiến nghị">
                  <Input.TextArea rows={3} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>Bảng kiểm</Typography.Title>
            <Row gutter={16}>
              {checklistCriteria.map((def) => (
                <Col xs={24} md={8} key={def.code}>
                  <Form.Item
                    name={['checklist', def.code]}
                    label={def.name}
                    extra={
                      def.kind === 'boolean'
                        ? 'Có hoặc Không'
                        : def.kind === 'percentage'
                          ? 'Phần trăm, 0–100'
                          : `Điểm, 0–${String(def.maxPoints).replace('.', ',')}`
                    }
                  >
                    {def.kind === 'boolean' ? (
                      <Select
                        allowClear
                        placeholder="Chọn"
                        options={[
                          { value: 'Có', label: 'Có' },
                          { value: 'Không', label: 'Không' },
                        ]}
                      />
                    ) : (
                      <Input />
                    )}
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Button
              type="primary"
              loading={saving}
              onClick={() => void record().catch(() => undefined)}
            >
              Ghi nhận
            </Button>
          </Form>
        </Card>
        <Card title={`Các đợt kiểm tra ${formatPeriod(period)}`}>
          {inspections.isError && (
            <Alert type="error" showIcon title={errorMessage(inspections.error)} />
          )}
          <Table<InspectionView>
            rowKey="id"
            size="middle"
            loading={inspections.isPending}
            dataSource={inspections.data}
            locale={{ emptyText: 'Chưa có đợt kiểm tra nào' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (visit) => (
                <Space direction="vertical">
                  <span>Ưu điểm: {visit.strengths || '–'}</span>
                  <span>Tồn tại, hạn chế: {visit.shortcomings || '–'}</span>
                  <span>Kiến nghị: {visit.recommendations || '–'}</span>
                </Space>
              ),
            }}
            columns={[
              { title: 'Ngày', dataIndex: 'visitedOn', width: 120, render: formatDate },
              {
                title: 'Cơ quan',
                dataIndex: 'agencyId',
                render: (id: number) => agencyName.get(id) ?? `#${id}`,
              },
              { title: 'Trưởng đoàn', dataIndex: 'leader' },
              {
                title: 'Thành viên',
                dataIndex: 'members',
                render: (members: string[]) => members.join(', ') || '–',
              },
              {
                title: 'Thao tác',
                key: 'actions',
                width: 170,
                render: (_, visit) => (
                  <Button
                    size="small"
                    onClick={() => setOpened({ agencyId: visit.agencyId, period: visit.period })}
                  >
                    Mở phiếu đánh giá
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Space>
      {opened && (
        <AgencyEvaluationDrawer
          agencyId={opened.agencyId}
          agencyName={agencyName.get(opened.agencyId) ?? ''}
          period={opened.period}
          onClose={() => setOpened(null)}
        />
      )}
    </>
  );
}
