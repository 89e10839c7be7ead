import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
} from 'antd';
import { CheckCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { CriteriaSetView, CriterionView, ThresholdsView } from '../../api/types';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/api-error';
import { describeProblem } from '../../api/field-messages';
import { showFieldProblems } from '../shared/form-errors';
import { CriterionFields } from './CriterionFields';
import { ScoringPreview, type SampleValues } from './ScoringPreview';
import { TARGET_LABELS, toDefinition } from './criteria-labels';
import { DecimalInput } from '../shared/DecimalInput';

interface SetForm {
  code?: string;
  name: string;
  target: 'person' | 'agency';
  thresholds: ThresholdsView;
  criteria: Partial<CriterionView>[];
}

/** The set's own fields as this form labels them, for the problem list. */
const SET_LABELS = { code: 'Mã bộ tiêu chí', name: 'Tên bộ tiêu chí' };

const NEW_CRITERION: Partial<CriterionView> = {
  kind: 'score',
  maxPoints: 10,
  bonus: false,
  fromIncidents: false,
  disqualifying: false,
};

function bodyOf(values: SetForm) {
  return {
    name: values.name,
    target: values.target,
    thresholds: values.thresholds,
    criteria: (values.criteria ?? []).map((raw) => {
      const def = toDefinition(raw);
      return { ...def, name: def.name ?? '', group: def.group ?? null };
    }),
  };
}

/** The draft editor (or, without a set, the form of a new one): save, preview, `Công bố`. */
export function CriteriaSetEditor({
  set,
  onSaved,
  samples,
  onSamplesChange,
}: {
  set: CriteriaSetView | null;
  onSaved: (set: CriteriaSetView) => void;
} & SampleValues) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SetForm>();
  const [problems, setProblems] = useState<string[]>([]);
  const criteria = Form.useWatch('criteria', form) as Partial<CriterionView>[] | undefined;
  const thresholds = Form.useWatch('thresholds', form) as ThresholdsView | undefined;

  const failed = (error: unknown) => {
    showFieldProblems(form, error);
    setProblems(
      error instanceof ApiError
        ? error.fieldProblems.map((p) => describeProblem(p, { labels: SET_LABELS }))
        : [],
    );
    message.error(errorMessage(error));
  };
  const save = async (): Promise<CriteriaSetView> => {
    const values = await form.validateFields();
    const body = bodyOf(values);
    return set
      ? api<CriteriaSetView>(`/criteria-sets/${set.id}`, { method: 'PATCH', body })
      : api<CriteriaSetView>('/criteria-sets', {
          method: 'POST',
          body: { ...body, code: values.code },
        });
  };
  const saving = useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      setProblems([]);
      message.success(set ? 'Đã lưu bản nháp' : `Đã tạo bộ tiêu chí ${saved.code}`);
      await queryClient.invalidateQueries({ queryKey: ['criteria-sets'] });
      onSaved(saved);
    },
    onError: failed,
  });
  const publishing = useMutation({
    mutationFn: async () => {
      const saved = await save();
      return api<CriteriaSetView>(`/criteria-sets/${saved.id}/publish`, { method: 'POST' });
    },
    onSuccess: async (published) => {
      setProblems([]);
      message.success(`Đã công bố ${published.name} phiên bản ${published.version}`);
      await queryClient.invalidateQueries({ queryKey: ['criteria-sets'] });
      onSaved(published);
    },
    onError: failed,
  });

  const defs = (criteria ?? []).map(toDefinition);
  return (
    <Form<SetForm>
      form={form}
      layout="vertical"
      initialValues={
        set
          ? {
              name: set.name,
              target: set.target,
              thresholds: set.thresholds,
              criteria: set.criteria,
            }
          : {
              target: 'person',
              thresholds: { A: 90, B: 75, C: 50 },
              criteria: [{ ...NEW_CRITERION }],
            }
      }
    >
      <Card
        title={set ? `Bản nháp: ${set.code} phiên bản ${set.version}` : 'Bộ tiêu chí mới'}
        extra={
          <Space wrap>
            <Button
              icon={<SaveOutlined />}
              loading={saving.isPending}
              onClick={() => saving.mutate()}
            >
              {set ? 'Lưu nháp' : 'Tạo bản nháp'}
            </Button>
            <Popconfirm
              title="Công bố? Bộ tiêu chí đã công bố không sửa được nữa."
              okText="Công bố"
              cancelText="Không"
              onConfirm={() => publishing.mutate()}
            >
              <Button type="primary" icon={<CheckCircleOutlined />} loading={publishing.isPending}>
                Công bố
              </Button>
            </Popconfirm>
          </Space>
        }
      >
        <Row gutter={12}>
          {!set && (
            <Col xs={24} md={4}>
              <Form.Item
                name="code"
                label="Mã bộ tiêu chí"
                rules={[{ required: true, whitespace: true, message: 'Nhập mã' }]}
              >
                <Input maxLength={32} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={set ? 12 : 10}>
            <Form.Item
              name="name"
              label="Tên bộ tiêu chí"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}
            >
              <Input maxLength={255} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="target" label="Áp dụng cho" rules={[{ required: true }]}>
              <Select
                options={Object.entries(TARGET_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          {(['A', 'B', 'C'] as const).map((grade) => (
            <Col xs={8} md={set ? 2 : 2} key={grade}>
              <Form.Item
                name={['thresholds', grade]}
                label={{ A: 'Ngưỡng Xuất sắc', B: 'Ngưỡng Tốt', C: 'Ngưỡng Đạt' }[grade]}
                rules={[{ required: true, message: 'Nhập ngưỡng' }]}
              >
                <DecimalInput min={0} max={100} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="Bộ tiêu chí chưa hợp lệ"
            description={
              <ul className="problem-list">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Divider titlePlacement="start">Tiêu chí</Divider>
        <Form.List name="criteria">
          {(fields, { add, remove, move }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <CriterionFields
                  key={field.key}
                  index={index}
                  count={fields.length}
                  onMove={move}
                  onRemove={() => remove(index)}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_CRITERION })}>
                Thêm tiêu chí
              </Button>
            </Space>
          )}
        </Form.List>
      </Card>
      <Card title="Thử tính điểm" style={{ marginTop: 16 }}>
        <ScoringPreview
          criteria={defs}
          thresholds={thresholds}
          samples={samples}
          onSamplesChange={onSamplesChange}
        />
      </Card>
    </Form>
  );
}
