import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/api-error';
import { vietnameseMessage } from '../../api/field-messages';
import type { Page, PersonView, UnitView } from '../../api/types';
import { useSession } from '../../app/use-session';
import { CATEGORY_LABELS, formatCategory } from '../../format';
import { LazyImportDialog } from '../shared/LazyImportDialog';
import { useUrlState } from '../shared/use-page-params';

const PAGE_SIZE = 20;
const CATEGORY_OPTIONS = Object.entries(CATEGORY_LABELS).map(([value, label]) => ({
  value,
  label,
}));

interface PersonForm {
  employeeCode?: string;
  fullName: string;
  position?: string;
  category: string;
  partyMember?: boolean;
  unitId?: number;
  active?: boolean;
}

/** `Nhân sự`: the agency's people; the HR officer adds, edits, transfers and imports them. */
export default function PeoplePage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const url = useUrlState();
  const agencyId = user?.agencyId ?? null;
  const mayEdit = user?.role === 'hr_officer';
  const page = Math.max(1, Number(url.get('page') ?? 1) || 1);
  const q = url.get('q');
  const unitId = url.get('unitId');
  const category = url.get('category');
  const [search, setSearch] = useState(q ?? '');
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  const [moving, setMoving] = useState<PersonView | null>(null);
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<PersonForm>();
  const [moveForm] = Form.useForm<{ unitId: number }>();

  const units = useQuery({
    queryKey: ['agencies', agencyId, 'units'],
    queryFn: () => api<Page<UnitView>>(`/agencies/${agencyId}/units`, { query: { limit: 500 } }),
    enabled: agencyId !== null,
    staleTime: 5 * 60_000,
  });
  const unitName = new Map(units.data?.items.map((u) => [u.id, u.name]));
  const unitOptions = units.data?.items.map((u) => ({ value: u.id, label: u.name }));

  const query = {
    agencyId: agencyId ?? undefined,
    q,
    unitId,
    category,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const people = useQuery({
    queryKey: ['people', 'page', query],
    queryFn: () => api<Page<PersonView>>('/people', { query }),
    placeholderData: keepPreviousData,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['people'] });

  const openForm = (person: PersonView | 'new') => {
    form.resetFields();
    if (person !== 'new')
      form.setFieldsValue({
        fullName: person.fullName,
        position: person.position ?? '',
        category: person.category,
        partyMember: person.partyMember,
        active: person.active,
      });
    else form.setFieldsValue({ partyMember: false, category: 'civil_servant' });
    setEditing(person);
  };

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (editing === 'new') {
        await api('/people', {
          method: 'POST',
          body: {
            employeeCode: values.employeeCode,
            fullName: values.fullName,
            position: values.position || undefined,
            category: values.category,
            partyMember: values.partyMember ?? false,
            agencyId,
            unitId: values.unitId,
          },
        });
        message.success(`Đã thêm ${values.fullName}.`);
      } else if (editing) {
        await api(`/people/${editing.id}`, {
          method: 'PATCH',
          body: {
            fullName: values.fullName,
            position: values.position ? values.position : null,
            category: values.category,
            partyMember: values.partyMember ?? false,
            active: values.active,
          },
        });
        message.success(`Đã lưu ${values.fullName}.`);
      }
      setEditing(null);
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.fieldProblems.length > 0) {
        form.setFields(
          error.fieldProblems.map((p) => ({
            name: p.field.replace(/^body\./, '') as keyof PersonForm,
            errors: [vietnameseMessage(p.message, p.field)],
          })),
        );
      }
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const transfer = async () => {
    if (!moving) return;
    const { unitId: target } = await moveForm.validateFields();
    setSaving(true);
    try {
      await api(`/people/${moving.id}/transfer`, {
        method: 'POST',
        body: { agencyId, unitId: target },
      });
      message.success(`Đã chuyển ${moving.fullName} sang ${unitName.get(target) ?? ''}.`);
      setMoving(null);
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<PersonView> = [
    { title: 'Mã', dataIndex: 'employeeCode', width: 110 },
    { title: 'Họ và tên', dataIndex: 'fullName' },
    { title: 'Chức vụ', dataIndex: 'position', render: (p: string | null) => p ?? '–' },
    { title: 'Đối tượng', dataIndex: 'category', width: 140, render: formatCategory },
    {
      title: 'Phòng ban',
      dataIndex: 'unitId',
      render: (id: number | null) => (id ? (unitName.get(id) ?? '–') : '–'),
    },
    {
      title: 'Đảng viên',
      dataIndex: 'partyMember',
      width: 100,
      render: (yes: boolean) => (yes ? 'Có' : 'Không'),
    },
    {
      title: 'Tình trạng',
      dataIndex: 'active',
      width: 120,
      render: (active: boolean) => (active ? 'Đang làm việc' : 'Đã nghỉ'),
    },
  ];
  if (mayEdit)
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 190,
      render: (_, person) => (
        <Space size={4}>
          <Button
            size="small"
            onClick={() => openForm(person)}
            aria-label={`Sửa ${person.fullName}`}
          >
            Sửa
          </Button>
          <Button
            size="small"
            aria-label={`Chuyển phòng ban ${person.fullName}`}
            onClick={() => {
              moveForm.resetFields();
              setMoving(person);
            }}
          >
            Chuyển phòng ban
          </Button>
        </Space>
      ),
    });

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Nhân sự
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Input.Search
              aria-label="Tìm theo tên hoặc mã"
              placeholder="Tìm theo tên hoặc mã (không cần dấu)"
              allowClear
              style={{ width: 300 }}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onSearch={(value) => url.set({ q: value.trim() })}
            />
            <Select
              aria-label="Phòng ban"
              placeholder="Phòng ban: tất cả"
              allowClear
              style={{ width: 240 }}
              value={unitId ? Number(unitId) : undefined}
              onChange={(value) => url.set({ unitId: value })}
              options={unitOptions}
            />
            <Select
              aria-label="Đối tượng"
              placeholder="Đối tượng: tất cả"
              allowClear
              style={{ width: 200 }}
              value={category}
              onChange={(value) => url.set({ category: value })}
              options={CATEGORY_OPTIONS}
            />
            {mayEdit && (
              <>
                <Button type="primary" onClick={() => openForm('new')}>
                  Thêm người
                </Button>
                <Button onClick={() => setImporting(true)}>Nhập từ tệp</Button>
              </>
            )}
          </Space>
          {people.isError && <Alert type="error" showIcon title={errorMessage(people.error)} />}
          <Table<PersonView>
            rowKey="id"
            size="middle"
            loading={people.isFetching}
            columns={columns}
            dataSource={people.data?.items}
            locale={{ emptyText: 'Không có người nào' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: people.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `${total} người`,
              onChange: (next) => url.set({ page: next }),
            }}
          />
        </Space>
      </Card>
      <Modal
        title={editing === 'new' ? 'Thêm người' : 'Sửa thông tin'}
        open={editing !== null}
        okText="Lưu"
        cancelText="Huỷ"
        confirmLoading={saving}
        onOk={() => void save().catch(() => undefined)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {editing === 'new' && (
            <Form.Item
              name="employeeCode"
              label="Mã nhân sự"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã nhân sự.' }]}
            >
              <Input maxLength={64} />
            </Form.Item>
          )}
          <Form.Item
            name="fullName"
            label="Họ và tên"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' }]}
          >
            <Input maxLength={255} />
          </Form.Item>
          <Form.Item name="position" label="Chức vụ">
            <Input maxLength={255} />
          </Form.Item>
          <Form.Item name="category" label="Đối tượng" rules={[{ required: true }]}>
            <Select options={CATEGORY_OPTIONS} />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="unitId" label="Phòng ban">
              <Select allowClear options={unitOptions} placeholder="Chọn phòng ban" />
            </Form.Item>
          )}
          <Form.Item name="partyMember" label="Đảng viên" valuePropName="checked">
            <Switch />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label="Đang làm việc" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        title={moving ? `Chuyển phòng ban: ${moving.fullName}` : ''}
        open={moving !== null}
        okText="Chuyển"
        cancelText="Huỷ"
        confirmLoading={saving}
        onOk={() => void transfer().catch(() => undefined)}
        onCancel={() => setMoving(null)}
      >
        <Form form={moveForm} layout="vertical">
          <Form.Item
            name="unitId"
            label="Phòng ban mới"
            rules={[{ required: true, message: 'Vui lòng chọn phòng ban.' }]}
          >
            <Select
              options={unitOptions?.filter((option) => option.value !== moving?.unitId)}
              placeholder="Chọn phòng ban"
            />
          </Form.Item>
        </Form>
      </Modal>
      <LazyImportDialog
        title="Nhập nhân sự từ tệp"
        open={importing}
        path="/people/import"
        hint="Tệp CSV hoặc XLSX với các cột employeeCode, fullName, position, category, partyMember, agencyCode, unitCode. Các dòng lỗi được liệt kê trước khi ghi."
        onClose={() => setImporting(false)}
        onImported={() => void refresh()}
      />
    </>
  );
}
