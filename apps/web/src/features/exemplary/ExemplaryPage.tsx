import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AgencyView, CandidateView, ExemplaryView, NearMissView, Page } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { usePeriod } from '../../app/use-period';
import { useSession } from '../../app/use-session';
import { formatPercent, formatPeriod, formatScore } from '../../format';
import { GradeTag } from '../shared/GradeTag';
import { CheckList, CheckMark } from '../shared/CheckMarks';
import { useUrlState } from '../shared/use-page-params';

const EXEMPLARY_PERIODS = ['year', 'half'] as const;
type SubjectType = 'person' | 'agency';

function rankOf(row: { rank: number | null; rankedOf: number | null }): string {
  if (row.rank === null) return '–';
  return row.rankedOf ? `${row.rank}/${row.rankedOf}` : String(row.rank);
}

function baseColumns<T extends CandidateView | NearMissView>(
  subjectType: SubjectType,
  agencyName: (id: number) => string | undefined,
  showAgency: boolean,
): ColumnsType<T> {
  return [
    {
      title: 'Hạng',
      key: 'rank',
      width: 90,
      className: 'numeric',
      render: (_, row) => rankOf(row),
    },
    { title: subjectType === 'person' ? 'Họ và tên' : 'Tên cơ quan', dataIndex: 'name' },
    ...(showAgency
      ? [
          {
            title: 'Cơ quan',
            key: 'agency',
            render: (_: unknown, row: T) => agencyName(row.agencyId),
          },
        ]
      : []),
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
  ];
}

/** `Gương điển hình`: the exemplary candidates of a half or a year, and the near misses. */
export default function ExemplaryPage() {
  const { user } = useSession();
  const [period] = usePeriod(EXEMPLARY_PERIODS);
  const url = useUrlState();
  const cityWide = !user?.agencyId;
  const subjectType: SubjectType = cityWide && url.get('type') === 'agency' ? 'agency' : 'person';
  const tab = url.get('tab') === 'near' ? 'near' : 'candidates';
  const agencyId = cityWide ? url.get('agencyId') : String(user!.agencyId);
  const needsAgency = subjectType === 'person' && !agencyId;

  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    staleTime: 5 * 60_000,
  });
  const agencyNames = useMemo(
    () => new Map(agencies.data?.items.map((a) => [a.id, a.name]) ?? []),
    [agencies.data],
  );
  const query = {
    period,
    subjectType,
    agencyId: subjectType === 'person' ? agencyId : undefined,
    nearMisses: true,
  };
  const exemplary = useQuery({
    queryKey: ['exemplary', query],
    queryFn: () => api<ExemplaryView>('/exemplary', { query }),
    enabled: !needsAgency,
  });

  const name = (id: number) => agencyNames.get(id);
  const candidateColumns: ColumnsType<CandidateView> = [
    ...baseColumns<CandidateView>(subjectType, name, false),
    {
      title: 'Năm tiêu chí',
      key: 'checks',
      render: (_, row) => <CheckList checks={row.checks} />,
    },
  ];
  const nearMissColumns: ColumnsType<NearMissView> = [
    ...baseColumns<NearMissView>(subjectType, name, false),
    {
      title: 'Tiêu chí chưa đạt',
      key: 'failed',
      render: (_, row) => {
        const failed = row.checks.find((check) => check.check === row.failed);
        return failed ? <CheckMark check={failed} /> : row.failed;
      },
    },
  ];

  const data = exemplary.data;
  const scopeName =
    subjectType === 'agency'
      ? 'các cơ quan của thành phố'
      : (agencyId && agencyNames.get(Number(agencyId))) || '';

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Gương điển hình {formatPeriod(period)}
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {cityWide && (
            <Space wrap>
              <Segmented
                aria-label="Đối tượng"
                value={subjectType}
                onChange={(value) => url.set({ type: value === 'agency' ? 'agency' : undefined })}
                options={[
                  { value: 'person', label: 'Cá nhân của một cơ quan' },
                  { value: 'agency', label: 'Các cơ quan' },
                ]}
              />
              {subjectType === 'person' && (
                <Select
                  aria-label="Cơ quan"
                  placeholder="Chọn cơ quan"
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 320 }}
                  value={agencyId ? Number(agencyId) : undefined}
                  onChange={(value) => url.set({ agencyId: value })}
                  options={agencies.data?.items.map((a) => ({ value: a.id, label: a.name }))}
                />
              )}
            </Space>
          )}
          {needsAgency ? (
            <Empty description="Chọn một cơ quan để xem gương điển hình của cơ quan đó." />
          ) : (
            <>
              {exemplary.isError && (
                <Alert type="error" showIcon title={errorMessage(exemplary.error)} />
              )}
              {data && (
                <Typography.Paragraph type="secondary">
                  {scopeName && <>{scopeName}: </>}
                  ứng viên phải đạt cả năm tiêu chí: đủ các quý được duyệt, xếp loại Xuất sắc, không
                  bị loại trừ, không có vi phạm và thuộc {formatPercent(data.share * 100)} dẫn đầu.
                </Typography.Paragraph>
              )}
              <Tabs
                activeKey={tab}
                onChange={(key) => url.set({ tab: key === 'near' ? 'near' : undefined })}
                items={[
                  {
                    key: 'candidates',
                    label: `Ứng viên (${data?.items.length ?? 0})`,
                    children: (
                      <Table<CandidateView>
                        rowKey="subjectId"
                        size="middle"
                        columns={candidateColumns}
                        dataSource={data?.items}
                        loading={exemplary.isLoading}
                        pagination={{ pageSize: 20, hideOnSinglePage: true }}
                        locale={{ emptyText: `Chưa có ứng viên ${formatPeriod(period)}` }}
                      />
                    ),
                  },
                  {
                    key: 'near',
                    label: `Suýt đạt (${data?.nearMisses?.length ?? 0})`,
                    children: (
                      <Table<NearMissView>
                        rowKey="subjectId"
                        size="middle"
                        columns={nearMissColumns}
                        dataSource={data?.nearMisses}
                        loading={exemplary.isLoading}
                        pagination={{ pageSize: 20, hideOnSinglePage: true }}
                        locale={{ emptyText: 'Không có ai chỉ thiếu một tiêu chí' }}
                      />
                    ),
                  },
                ]}
              />
            </>
          )}
        </Space>
      </Card>
    </>
  );
}
