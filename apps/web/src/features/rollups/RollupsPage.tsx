import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import type { RollupRunView } from '../../api/types';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/api-error';
import { usePeriod } from '../../app/use-period';
import { formatPeriod } from '../../format';
import { RollupRunsTable } from './RollupRunsTable';
import { useRollupRuns } from './use-rollup-runs';

/** `Tổng hợp`: the roll-up runs, and `Chạy ngay` for the chosen half or year, followed to its end. */
export default function RollupsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [period] = usePeriod(['year', 'half']);
  const runs = useRollupRuns(20);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [followed, setFollowed] = useState<number | null>(null);

  const start = useMutation({
    mutationFn: () => api<RollupRunView>('/rollups', { method: 'POST', body: { period } }),
    onSuccess: async (run) => {
      setRefusal(null);
      setFollowed(run.id);
      message.success(`Đã bắt đầu tổng hợp ${formatPeriod(period)}`);
      await queryClient.invalidateQueries({ queryKey: ['rollups'] });
    },
    onError: (error) => {
      const text = errorMessage(error);
      if (error instanceof ApiError && error.code === 'ROLLUP_RUNNING') {
        setRefusal(text);
        // Show the run that holds the period (started elsewhere: the schedule, another tab).
        void queryClient.invalidateQueries({ queryKey: ['rollups'] });
      } else message.error(text);
    },
  });

  const run = runs.data?.items.find((r) => r.id === followed);
  return (
    <>
      <Typography.Title level={2} className="page-title">
        Tổng hợp kết quả
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              Tổng hợp tính kết quả 6 tháng và cả năm từ các quý đã duyệt, rồi xếp hạng lại. Hệ
              thống tự chạy theo lịch; bấm <strong>Chạy ngay</strong> để tổng hợp{' '}
              {formatPeriod(period)} ngay bây giờ (chọn kỳ ở đầu trang).
            </Typography.Paragraph>
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              onClick={() => start.mutate()}
            >
              Chạy ngay
            </Button>
            {refusal && (
              <Alert
                type="warning"
                showIcon
                closable
                onClose={() => setRefusal(null)}
                title="Chưa thể chạy thêm"
                description={refusal}
              />
            )}
            {run && (
              <Alert
                role="status"
                type={
                  run.status === 'failed'
                    ? 'error'
                    : run.status === 'succeeded'
                      ? 'success'
                      : 'info'
                }
                showIcon
                title={
                  run.status === 'running'
                    ? `Lượt ${run.id}: đang tổng hợp ${formatPeriod(run.period)}…`
                    : run.status === 'succeeded'
                      ? `Lượt ${run.id}: tổng hợp ${formatPeriod(run.period)} thành công (${run.subjects ?? 0} đối tượng).`
                      : `Lượt ${run.id}: tổng hợp ${formatPeriod(run.period)} thất bại. ${run.error ?? ''}`
                }
              />
            )}
          </Space>
        </Card>
        <Card title="Các lượt tổng hợp gần đây">
          <RollupRunsTable runs={runs.data?.items} loading={runs.isLoading} />
        </Card>
      </Space>
    </>
  );
}
