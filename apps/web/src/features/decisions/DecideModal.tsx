import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { NominationListView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { showFieldProblems } from '../shared/form-errors';

interface DecisionForm {
  decision: 'accepted' | 'rejected';
  decisionNumber: string;
  decisionDate: Dayjs;
}

/** The standing agency's decision on a submitted list: accept or reject, its number and date. */
export function DecideModal({ list, onClose }: { list: NominationListView; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionForm>();
  const decide = useMutation({
    mutationFn: (values: DecisionForm) =>
      api(`/nominations/${list.id}/decide`, {
        method: 'POST',
        body: {
          decision: values.decision,
          decisionNumber: values.decisionNumber,
          decisionDate: values.decisionDate.format('YYYY-MM-DD'),
        },
      }),
    onSuccess: async (_, values) => {
      message.success(
        values.decision === 'accepted'
          ? `Đã chấp thuận danh sách theo quyết định ${values.decisionNumber}`
          : `Đã ghi quyết định không chấp thuận ${values.decisionNumber}`,
      );
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
      onClose();
    },
    onError: (error) => {
      showFieldProblems(form, error);
      message.error(errorMessage(error));
    },
  });
  return (
    <Modal
      open
      title={`Quyết định: ${list.title}`}
      okText="Ghi quyết định"
      cancelText="Huỷ"
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DecisionForm>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'accepted', decisionDate: dayjs() }}
        onFinish={(values) => decide.mutate(values)}
      >
        <Form.Item name="decision" label="Quyết định" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'accepted', label: 'Chấp thuận' },
              { value: 'rejected', label: 'Không chấp thuận' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[
            { required: true, whitespace: true, message: 'Nhập số quyết định' },
            { max: 64, message: 'Tối đa 64 ký tự' },
          ]}
        >
          <Input placeholder="125/QĐ-SVHTT" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Chọn ngày quyết định' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
