import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type {
  CandidateView,
  ExemplaryView,
  NominationDetailView,
  NominationEntryView,
} from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { formatDate, formatDateTime, formatPeriod, formatScore } from '../../format';
import { GradeTag } from '../shared/GradeTag';
import { DownloadButtons } from '../shared/DownloadButtons';
import { NominationStatusTag } from '../shared/NominationStatusTag';
import { AddEntryModal, type EntryTarget } from './AddEntryModal';
import { ToneTag } from '../shared/ToneTag';

function rankAtAdding(entry: NominationEntryView): string {
  if (entry.rank === null) return '–';
  return entry.rankedOf ? `${entry.rank}/${entry.rankedOf}` : String(entry.rank);
}

/** One list: its entries as they were when added, the candidates to add, `Gửi`, downloads. */
export function NominationDetail({ listId }: { listId: number }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState<{ candidate: EntryTarget | null } | null>(null);

  const detail = useQuery({
    queryKey: ['nominations', listId],
    queryFn: () => api<NominationDetailView>(`/nominations/${listId}`),
  });
  const list = detail.data;
  const draft = list?.status === 'draft';
  const candidatesQuery = {
    period: list?.period,
    subjectType: list?.subjectType,
    agencyId: list?.agencyId ?? undefined,
  };
  const candidates = useQuery({
    queryKey: ['exemplary', candidatesQuery],
    queryFn: () => api<ExemplaryView>('/exemplary', { query: candidatesQuery }),
    enabled: Boolean(list) && draft,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['nominations'] });
  const remove = useMutation({
    mutationFn: (entryId: number) =>
      api(`/nominations/${listId}/entries/${entryId}`, { method: 'DELETE' }),
    onSuccess: async () => {
      message.success('Đã bỏ khỏi danh sách');
      await refresh();
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const submit = useMutation({
    mutationFn: () => api(`/nominations/${listId}/submit`, { method: 'POST' }),
    onSuccess: async () => {
      message.success('Đã gửi danh sách đề nghị');
      await refresh();
    },
    onError: (error) => message.error(errorMessage(error)),
  });

  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  if (!list) return <Card loading />;

  const inList = new Set(list.entries.map((e) => e.subjectId));
  const entryColumns: ColumnsType<NominationEntryView> = [
    { title: 'Hạng khi thêm', key: 'rank', width: 110, render: (_, e) => rankAtAdding(e) },
    {
      title: list.subjectType === 'person' ? 'Họ và tên' : 'Tên cơ quan',
      key: 'name',
      render: (_, e) => (
        <>
          <div>{e.name}</div>
          {(e.position || e.unitName) && (
            <Typography.Text type="secondary">
              {[e.position, e.unitName].filter(Boolean).join(' – ')}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Điểm',
      dataIndex: 'total',
      width: 90,
      className: 'numeric',
      render: (total: number | null) => formatScore(total),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'grade',
      width: 110,
      render: (grade: string | null) => <GradeTag grade={grade} />,
    },
    {
      title: 'Thành tích',
      key: 'achievement',
      render: (_, e) => (
        <>
          <div className="pre-line">{e.achievement}</div>
          {e.overrideReason && (
            <div className="override-reason">
              <ToneTag tone="gold">Ngoài danh sách ứng viên</ToneTag>
              <span>Lý do đề nghị: {e.overrideReason}</span>
            </div>
          )}
        </>
      ),
    },
    ...(draft
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            width: 110,
            render: (_: unknown, e: NominationEntryView) => (
              <Popconfirm
                title={`Bỏ ${e.name} khỏi danh sách?`}
                okText="Bỏ"
                cancelText="Không"
                onConfirm={() => remove.mutate(e.id)}
              >
                <Button danger size="small" icon={<DeleteOutlined />} aria-label={`Bỏ ${e.name}`}>
                  Bỏ
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const candidateColumns: ColumnsType<CandidateView> = [
    {
      title: 'Hạng',
      key: 'rank',
      width: 90,
      render: (_, c) => (c.rankedOf ? `${c.rank}/${c.rankedOf}` : (c.rank ?? '–')),
    },
    { title: list.subjectType === 'person' ? 'Họ và tên' : 'Tên cơ quan', dataIndex: 'name' },
    {
      title: 'Điểm',
      dataIndex: 'total',
      width: 90,
      className: 'numeric',
      render: (total: number) => formatScore(total),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'grade',
      width: 110,
      render: (grade: string) => <GradeTag grade={grade} />,
    },
    {
      title: 'Thao tác',
      key: 'add',
      width: 120,
      render: (_, c) =>
        inList.has(c.subjectId) ? (
          <Tag>Đã có trong danh sách</Tag>
        ) : (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            aria-label={`Thêm ${c.name}`}
            onClick={() => setAdding({ candidate: { subjectId: c.subjectId, name: c.name } })}
          >
            Thêm
          </Button>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={list.title}
        extra={
          <Space wrap>
            <DownloadButtons
              path={`/nominations/${list.id}/export`}
              what={`danh sách ${list.title}`}
            />
            {draft && (
              <Popconfirm
                title="Gửi danh sách? Sau khi gửi không sửa được nữa."
                okText="Gửi"
                cancelText="Không"
                onConfirm={() => submit.mutate()}
                disabled={list.entries.length === 0}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={submit.isPending}
                  disabled={list.entries.length === 0}
                >
                  Gửi
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'period', label: 'Kỳ', children: formatPeriod(list.period) },
            {
              key: 'status',
              label: 'Trạng thái',
              children: <NominationStatusTag status={list.status} />,
            },
            { key: 'count', label: 'Số đề nghị', children: list.entries.length },
            ...(list.submittedAt
              ? [{ key: 'sent', label: 'Gửi lúc', children: formatDateTime(list.submittedAt) }]
              : []),
            ...(list.decisionNumber
              ? [
                  { key: 'number', label: 'Số quyết định', children: list.decisionNumber },
                  {
                    key: 'date',
                    label: 'Ngày quyết định',
                    children: formatDate(list.decisionDate),
                  },
                ]
              : []),
          ]}
        />
        <Table<NominationEntryView>
          rowKey="id"
          size="middle"
          columns={entryColumns}
          dataSource={list.entries}
          pagination={false}
          locale={{ emptyText: 'Danh sách chưa có ai. Thêm từ các ứng viên bên dưới.' }}
        />
      </Card>
      {draft && (
        <Card
          title={`Ứng viên ${formatPeriod(list.period)}`}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setAdding({ candidate: null })}>
              Thêm người ngoài danh sách ứng viên
            </Button>
          }
        >
          {candidates.isError && (
            <Alert type="error" showIcon title={errorMessage(candidates.error)} />
          )}
          <Table<CandidateView>
            rowKey="subjectId"
            size="small"
            columns={candidateColumns}
            dataSource={candidates.data?.items}
            loading={candidates.isLoading}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: 'Không có ứng viên trong kỳ này' }}
          />
        </Card>
      )}
      {adding && (
        <AddEntryModal
          list={list}
          candidate={adding.candidate}
          open
          onClose={() => setAdding(null)}
        />
      )}
    </Space>
  );
}
