import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, TreeSelect } from 'antd';
import type { UnitTreeNode, UnitView } from '../../api/types';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/api-error';
import { showFieldProblems } from '../shared/form-errors';

export type UnitAction =
  | { kind: 'create'; parentId: number | null }
  | { kind: 'rename'; unit: UnitView }
  | { kind: 'move'; unit: UnitView };

interface UnitForm {
  code?: string;
  name?: string;
  parentId?: number | null;
}

const TOP_LEVEL = 0;

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

function treeData(nodes: UnitTreeNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.name} (${node.code})`,
    children: treeData(node.children),
  }));
}

const TITLES = { create: 'Thêm phòng ban', rename: 'Đổi tên phòng ban', move: 'Chuyển phòng ban' };

/** Adds a unit, renames one, or moves one under another (the API refuses a cycle). */
export function UnitFormModal({
  agencyId,
  tree,
  action,
  onClose,
}: {
  agencyId: number;
  tree: UnitTreeNode[];
  action: UnitAction;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitForm>();
  const save = useMutation({
    mutationFn: (values: UnitForm) => {
      const parentId = values.parentId === TOP_LEVEL ? null : values.parentId;
      if (action.kind === 'create')
        return api<UnitView>(`/agencies/${agencyId}/units`, {
          method: 'POST',
          body: { code: values.code, name: values.name, ...(parentId ? { parentId } : {}) },
        });
      return api<UnitView>(`/agencies/${agencyId}/units/${action.unit.id}`, {
        method: 'PATCH',
        body: action.kind === 'rename' ? { name: values.name } : { parentId },
      });
    },
    onSuccess: async (unit) => {
      message.success(
        action.kind === 'create'
          ? `Đã thêm ${unit.name}`
          : action.kind === 'rename'
            ? `Đã đổi tên thành ${unit.name}`
            : `Đã chuyển ${unit.name}`,
      );
      await queryClient.invalidateQueries({ queryKey: ['agencies', agencyId] });
      onClose();
    },
    onError: (error) => {
      const cycle =
        error instanceof ApiError && error.fieldProblems.some((p) => p.field === 'parentId');
      if (cycle)
        form.setFields([
          {
            name: 'parentId',
            errors: [
              'Không thể chuyển phòng ban vào chính nó hoặc vào một phòng ban cấp dưới của nó.',
            ],
          },
        ]);
      else showFieldProblems(form, error);
      message.error(errorMessage(error));
    },
  });

  const parentField = (
    <Form.Item
      name="parentId"
      label="Thuộc phòng ban"
      rules={[{ required: action.kind === 'move' }]}
    >
      <TreeSelect
        treeDefaultExpandAll
        treeData={[
          { value: TOP_LEVEL, title: 'Cấp cao nhất của cơ quan', children: [] },
          ...treeData(tree),
        ]}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={
        action.kind === 'create' ? TITLES.create : `${TITLES[action.kind]}: ${action.unit.name}`
      }
      okText="Lưu"
      cancelText="Huỷ"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        initialValues={
          action.kind === 'create'
            ? { parentId: action.parentId ?? TOP_LEVEL }
            : { name: action.unit.name, parentId: action.unit.parentId ?? TOP_LEVEL }
        }
        onFinish={(values) => save.mutate(values)}
      >
        {action.kind === 'create' && (
          <Form.Item
            name="code"
            label="Mã phòng ban"
            rules={[{ required: true, whitespace: true, message: 'Nhập mã phòng ban' }]}
          >
            <Input maxLength={32} placeholder="VD: MOTCUA" />
          </Form.Item>
        )}
        {action.kind !== 'move' && (
          <Form.Item
            name="name"
            label="Tên phòng ban"
            rules={[
              { required: true, whitespace: true, message: 'Nhập tên phòng ban' },
              { max: 255, message: 'Tối đa 255 ký tự' },
            ]}
          >
            <Input maxLength={255} />
          </Form.Item>
        )}
        {action.kind !== 'rename' && parentField}
      </Form>
    </Modal>
  );
}
