import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import type { AgencyView, NominationDetailView, Page, PersonView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { showFieldProblems } from '../shared/form-errors';

export interface EntryTarget {
  subjectId: number;
  name: string;
}

interface AddEntryModalProps {
  list: NominationDetailView;
  /** A candidate chosen in the candidates table; none: a non-candidate picked in the form. */
  candidate: EntryTarget | null;
  open: boolean;
  onClose: () => void;
}

interface EntryForm {
  subjectId?: number;
  achievement: string;
  overrideReason?: string;
}

export const ACHIEVEMENT_MAX = 2000;

/** Adds a subject to a draft list: a candidate with its achievements, anyone else with a reason. */
export function AddEntryModal({ list, candidate, open, onClose }: AddEntryModalProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EntryForm>();
  const [search, setSearch] = useState('');
  const isAgencyList = list.subjectType === 'agency';

  const people = useQuery({
    queryKey: ['people', { agencyId: list.agencyId, q: search }],
    queryFn: () =>
      api<Page<PersonView>>('/people', {
        query: { agencyId: list.agencyId, q: search || undefined, limit: 20 },
      }),
    enabled: open && !candidate && !isAgencyList,
  });
  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    enabled: open && !candidate && isAgencyList,
    staleTime: 5 * 60_000,
  });

  const add = useMutation({
    mutationFn: (values: EntryForm) =>
      api(`/nominations/${list.id}/entries`, {
        method: 'POST',
        body: {
          subjectType: list.subjectType,
          subjectId: candidate?.subjectId ?? values.subjectId,
          achievement: values.achievement,
          ...(candidate ? {} : { overrideReason: values.overrideReason }),
        },
      }),
    onSuccess: async () => {
      message.success('Đã thêm vào danh sách');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
      onClose();
    },
    onError: (error) => {
      showFieldProblems(form, error);
      message.error(errorMessage(error));
    },
  });

  const options = isAgencyList
    ? agencies.data?.items.map((a) => ({ value: a.id, label: a.name }))
    : people.data?.items.map((p) => ({
        value: p.id,
        label: `${p.fullName} (${p.employeeCode})${p.position ? ` – ${p.position}` : ''}`,
      }));

  return (
    <Modal
      open={open}
      title={
        candidate ? `Thêm ${candidate.name} vào danh sách` : 'Đề nghị ngoài danh sách ứng viên'
      }
      okText="Thêm vào danh sách"
      cancelText="Huỷ"
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EntryForm> form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
        {!candidate && (
          <Form.Item
            name="subjectId"
            label={isAgencyList ? 'Cơ quan' : 'Người được đề nghị'}
            rules={[{ required: true, message: 'Chọn người được đề nghị' }]}
          >
            <Select
              showSearch={{
                filterOption: isAgencyList ? undefined : false,
                optionFilterProp: 'label',
                onSearch: isAgencyList ? undefined : setSearch,
              }}
              placeholder={isAgencyList ? 'Chọn cơ quan' : 'Gõ tên để tìm'}
              loading={people.isFetching || agencies.isFetching}
              options={options}
            />
          </Form.Item>
        )}
        <Form.Item
          name="achievement"
          label="Thành tích"
          rules={[
            { required: true, whitespace: true, message: 'Nhập thành tích' },
            { max: ACHIEVEMENT_MAX, message: `Tối đa ${ACHIEVEMENT_MAX} ký tự` },
          ]}
        >
          <Input.TextArea rows={5} maxLength={ACHIEVEMENT_MAX} showCount />
        </Form.Item>
        {!candidate && (
          <Form.Item
            name="overrideReason"
            label="Lý do đề nghị ngoài danh sách ứng viên"
            extra="Người này chưa đạt đủ năm tiêu chí; lý do được ghi vào nhật ký."
            rules={[
              { required: true, whitespace: true, message: 'Nhập lý do' },
              { max: ACHIEVEMENT_MAX, message: `Tối đa ${ACHIEVEMENT_MAX} ký tự` },
            ]}
          >
            <Input.TextArea rows={3} maxLength={ACHIEVEMENT_MAX} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
