import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { CriterionValue } from '@app/domain';
import type { CriteriaSetView, Page } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { formatDateTime } from '../../format';
import { useUrlState } from '../shared/use-page-params';
import { CriteriaSetEditor } from './CriteriaSetEditor';
import { CriteriaSetReadOnly } from './CriteriaSetView';
import { TARGET_LABELS } from './criteria-labels';
import { ToneTag } from '../shared/ToneTag';

const NEW = 'new';

/** `Bộ tiêu chí`: the sets and their versions; a draft is edited, a published one only read. */
export default function CriteriaSetsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const url = useUrlState();
  const opened = url.get('set');
  const setId = opened && opened !== NEW ? Number(opened) : null;
  const [samples, setSamples] = useState<Record<string, CriterionValue>>({});
  const sampleValues = { samples, onSamplesChange: setSamples };

  const sets = useQuery({
    queryKey: ['criteria-sets', 'list'],
    queryFn: () => api<Page<CriteriaSetView>>('/criteria-sets', { query: { limit: 500 } }),
  });
  const set = useQuery({
    queryKey: ['criteria-sets', setId],
    queryFn: () => api<CriteriaSetView>(`/criteria-sets/${setId}`),
    enabled: setId !== null,
  });
  const newVersion = useMutation({
    mutationFn: (id: number) =>
      api<CriteriaSetView>(`/criteria-sets/${id}/versions`, { method: 'POST' }),
    onSuccess: async (draft) => {
      message.success(`Đã tạo phiên bản ${draft.version} (bản nháp)`);
      await queryClient.invalidateQueries({ queryKey: ['criteria-sets'] });
      url.set({ set: draft.id });
    },
    onError: (error) => message.error(errorMessage(error)),
  });

  const columns: ColumnsType<CriteriaSetView> = [
    { title: 'Mã', dataIndex: 'code', width: 120 },
    {
      title: 'Tên',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" className="link-button" onClick={() => url.set({ set: row.id })}>
          {name}
        </Button>
      ),
    },
    { title: 'Phiên bản', dataIndex: 'version', width: 100, className: 'numeric' },
    { title: 'Áp dụng cho', dataIndex: 'target', render: (t: string) => TARGET_LABELS[t] ?? t },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      render: (s: string) =>
        s === 'published' ? (
          <ToneTag tone="green">Đã công bố</ToneTag>
        ) : (
          <ToneTag tone="gold">Bản nháp</ToneTag>
        ),
    },
    {
      title: 'Công bố lúc',
      dataIndex: 'publishedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : '–'),
    },
  ];

  const current = set.data;
  return (
    <>
      <Typography.Title level={2} className="page-title">
        Bộ tiêu chí
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title="Các bộ tiêu chí và phiên bản"
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => url.set({ set: NEW })}>
              Tạo bộ tiêu chí
            </Button>
          }
        >
          <Table<CriteriaSetView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={sets.data?.items}
            loading={sets.isLoading}
            rowClassName={(row) => (row.id === setId ? 'row-selected' : '')}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </Card>
        {opened === NEW && (
          <CriteriaSetEditor
            key={NEW}
            set={null}
            onSaved={(s) => url.set({ set: s.id })}
            {...sampleValues}
          />
        )}
        {set.isError && <Alert type="error" showIcon title={errorMessage(set.error)} />}
        {current &&
          (current.status === 'draft' ? (
            <CriteriaSetEditor
              key={`${current.id}-${current.updatedAt}`}
              set={current}
              onSaved={(s) => url.set({ set: s.id })}
              {...sampleValues}
            />
          ) : (
            <CriteriaSetReadOnly
              set={current}
              {...sampleValues}
              extra={
                <Button
                  icon={<CopyOutlined />}
                  loading={newVersion.isPending}
                  onClick={() => newVersion.mutate(current.id)}
                >
                  Phiên bản mới
                </Button>
              }
            />
          ))}
      </Space>
    </>
  );
}
