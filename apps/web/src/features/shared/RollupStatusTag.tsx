import { Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons';

const STATUSES: Record<string, { label: string; color: string; icon: React.ReactNode }> = {
  running: { label: 'Đang chạy', color: 'processing', icon: <SyncOutlined spin /> },
  succeeded: { label: 'Thành công', color: 'success', icon: <CheckCircleOutlined /> },
  failed: { label: 'Thất bại', color: 'error', icon: <CloseCircleOutlined /> },
};

export const TRIGGER_LABELS: Record<string, string> = {
  manual: 'Chạy tay',
  schedule: 'Theo lịch',
  scheduled: 'Theo lịch',
  'catch-up': 'Bù lượt lỡ',
};

/** A roll-up run's status in words with an icon. */
export function RollupStatusTag({ status }: { status: string }) {
  const known = STATUSES[status];
  return (
    <Tag color={known?.color} icon={known?.icon}>
      {known?.label ?? status}
    </Tag>
  );
}
