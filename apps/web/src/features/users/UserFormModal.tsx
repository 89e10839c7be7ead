import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import type { AgencyView, Page, UserView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { ROLE_LABELS, type RoleName } from '../../format';
import { showFieldProblems } from '../shared/form-errors';

export type UserAction =
  { kind: 'create' } | { kind: 'role'; user: UserView } | { kind: 'password'; user: UserView };

interface UserForm {
  username?: string;
  password?: string;
  role?: RoleName;
  agencyId?: number | null;
}

/** Roles bound to one agency; a nominator may also be city-wide; admin and inspector never. */
const AGENCY_REQUIRED: RoleName[] = ['hr_officer', 'department_head'];
const AGENCY_ALLOWED: RoleName[] = ['hr_officer', 'department_head', 'nominator'];
const MIN_PASSWORD = 10;

/** Creates a user, changes a role (and agency), or sets a new password. */
export function UserFormModal({ action, onClose }: { action: UserAction; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });

  const save = useMutation({
    mutationFn: (values: UserForm) => {
      const agencyId = role && AGENCY_ALLOWED.includes(role) ? (values.agencyId ?? null) : null;
      if (action.kind === 'create')
        return api<UserView>('/users', {
          method: 'POST',
          body: {
            username: values.username,
            password: values.password,
            role: values.role,
            ...(agencyId ? { agencyId } : {}),
          },
        });
      return api<UserView>(`/users/${action.user.id}`, {
        method: 'PATCH',
        body:
          action.kind === 'password'
            ? { password: values.password }
            : { role: values.role, agencyId },
      });
    },
    onSuccess: async (user) => {
      message.success(
        action.kind === 'create'
          ? `Đã tạo người dùng ${user.username}`
          : action.kind === 'password'
            ? `Đã đặt lại mật khẩu của ${user.username}`
            : `Đã đổi vai trò của ${user.username}`,
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => {
      showFieldProblems(form, error);
      message.error(errorMessage(error));
    },
  });

  const title =
    action.kind === 'create'
      ? 'Tạo người dùng'
      : action.kind === 'role'
        ? `Đổi vai trò: ${action.user.username}`
        : `Đặt lại mật khẩu: ${action.user.username}`;
  const showAgency = action.kind !== 'password' && role && AGENCY_ALLOWED.includes(role);

  return (
    <Modal
      open
      title={title}
      okText="Lưu"
      cancelText="Huỷ"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={
          action.kind === 'role' ? { role: action.user.role, agencyId: action.user.agencyId } : {}
        }
        onFinish={(values) => save.mutate(values)}
      >
        {action.kind === 'create' && (
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập' }]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        )}
        {action.kind !== 'role' && (
          <Form.Item
            name="password"
            label={action.kind === 'create' ? 'Mật khẩu' : 'Mật khẩu mới'}
            rules={[
              { required: true, message: 'Nhập mật khẩu' },
              { min: MIN_PASSWORD, message: `Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự` },
            ]}
          >
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
        )}
        {action.kind !== 'password' && (
          <Form.Item
            name="role"
            label="Vai trò"
            rules={[{ required: true, message: 'Chọn vai trò' }]}
          >
            <Select
              options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        )}
        {showAgency && (
          <Form.Item
            name="agencyId"
            label="Cơ quan"
            extra={role === 'nominator' ? 'Để trống: cán bộ thi đua của thành phố.' : undefined}
            rules={[
              { required: AGENCY_REQUIRED.includes(role as RoleName), message: 'Chọn cơ quan' },
            ]}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={agencies.data?.items.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
