import { useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AgencyView, Page, RankingItemView, RankingPageView, UnitView } from '../../api/types';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { usePeriod } from '../../app/use-period';
import { useSession } from '../../app/use-session';
import { CATEGORY_LABELS, formatPercent, formatPeriod, formatScore } from '../../format';
import { GradeTag } from '../shared/GradeTag';
import { Movement } from '../shared/Movement';
import { useUrlState } from '../shared/use-page-params';

const PAGE_SIZE = 50;
type SubjectType = 'person' | 'agency';

function columns(subjectType: SubjectType): ColumnsType<RankingItemView> {
  return [
    { title: 'Hạng', dataIndex: 'rank', width: 80, className: 'numeric' },
    {
      title: subjectType === 'person' ? 'Họ và tên' : 'Tên cơ quan',
      dataIndex: 'name',
    },
    {
      title: 'Điểm',
      dataIndex: 'total',
      width: 100,
      className: 'numeric',
      render: (total: number) => formatScore(total),
    },
    {
      title: 'Xếp loại',
      dataIndex: 'grade',
      width: 120,
      render: (grade: string) => <GradeTag grade={grade} />,
    },
    {
      title: 'Top',
      dataIndex: 'topPercent',
      width: 90,
      className: 'numeric',
      render: (value: number) => formatPercent(value),
    },
    {
      title: 'Thay đổi',
      dataIndex: 'movement',
      width: 100,
      render: (movement: number | null) => <Movement value={movement} />,
    },
  ];
}

/** `Xếp hạng`: people of the caller's scope and the agencies of the city, paged by the API. */
export default function RankingsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [period] = usePeriod(undefined, 'ended');
  const url = useUrlState();
  const subjectType = (url.get('type') === 'agency' ? 'agency' : 'person') as SubjectType;
  const page = Math.max(1, Number(url.get('page') ?? 1) || 1);
  const cityWide = !user?.agencyId;
  const agencyId = cityWide ? url.get('agencyId') : String(user!.agencyId);
  const unitId = url.get('unitId');
  const category = url.get('category');

  const agencies = useQuery({
    queryKey: ['agencies', { limit: 500 }],
    queryFn: () => api<Page<AgencyView>>('/agencies', { query: { limit: 500 } }),
    enabled: cityWide,
    staleTime: 5 * 60_000,
  });
  const units = useQuery({
    queryKey: ['agencies', agencyId, 'units'],
    queryFn: () => api<Page<UnitView>>(`/agencies/${agencyId}/units`, { query: { limit: 500 } }),
    enabled: Boolean(agencyId) && subjectType === 'person',
    staleTime: 5 * 60_000,
  });
  const query = {
    period,
    subjectType,
    agencyId: subjectType === 'person' ? agencyId : undefined,
    unitId: subjectType === 'person' ? unitId : undefined,
    category: subjectType === 'person' ? category : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const ranking = useQuery({
    queryKey: ['rankings', query],
    queryFn: () => api<RankingPageView>('/rankings', { query }),
    placeholderData: keepPreviousData,
  });

  const filters = subjectType === 'person' && (
    <Space wrap>
      {cityWide && (
        <Select
          aria-label="Cơ quan"
          placeholder="Cơ quan: toàn thành phố"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 280 }}
          value={agencyId ? Number(agencyId) : undefined}
          onChange={(value) => url.set({ agencyId: value, unitId: undefined })}
          options={agencies.data?.items.map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
      <Select
        aria-label="Phòng ban"
        placeholder="Phòng ban: tất cả"
        allowClear
        disabled={!agencyId}
        style={{ width: 240 }}
        value={unitId ? Number(unitId) : undefined}
        onChange={(value) => url.set({ unitId: value })}
        options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        aria-label="Đối tượng"
        placeholder="Đối tượng: tất cả"
        allowClear
        style={{ width: 200 }}
        value={category}
        onChange={(value) => url.set({ category: value })}
        options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
      />
    </Space>
  );

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Xếp hạng {formatPeriod(period)}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={subjectType}
          onChange={(key) => url.set({ type: key === 'agency' ? 'agency' : undefined })}
          items={[
            { key: 'person', label: 'Cá nhân' },
            { key: 'agency', label: 'Cơ quan' },
          ]}
        />
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {filters}
          {ranking.isError && <Alert type="error" showIcon title={errorMessage(ranking.error)} />}
          <Table<RankingItemView>
            rowKey="subjectId"
            size="middle"
            columns={columns(subjectType)}
            dataSource={ranking.data?.items}
            loading={ranking.isFetching}
            locale={{ emptyText: `Chưa có kết quả xếp hạng ${formatPeriod(period)}` }}
            onRow={(row) => ({
              onClick: () => navigate(`/rankings/history/${subjectType}/${row.subjectId}`),
              onKeyDown: (event) => {
                if (event.key === 'Enter')
                  navigate(`/rankings/history/${subjectType}/${row.subjectId}`);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
              'aria-label': `Xem lịch sử xếp hạng của ${row.name}`,
            })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: ranking.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `${total} ${subjectType === 'person' ? 'người' : 'cơ quan'}`,
              onChange: (next) => url.set({ page: next }),
            }}
          />
        </Space>
      </Card>
    </>
  );
}
