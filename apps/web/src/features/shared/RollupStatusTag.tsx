import { ToneTag, type Tone } from './ToneTag';
import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined } from '@ant-design/icons';

const STATUSES: Record<string, { label: string; tone: Tone; icon: React.ReactNode }> = {
  running: { label: 'Đang chạy', tone: 'blue', icon: <SyncOutlined spin /> },
  succeeded: { label: 'Thành công', tone: 'green', icon: <CheckCircleOutlined /> },
  failed: { label: 'Thất bại', tone: 'red', icon: <CloseCircleOutlined /> },
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
    <ToneTag tone={known?.tone ?? 'grey'} icon={known?.icon}>
      {known?.label ?? status}
    </ToneTag>
  );
}
