import { Tag } from 'antd';
import { formatNominationStatus } from '../../format';

const COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'success',
  rejected: 'error',
};

/** A nomination list's status: its words, coloured as a second signal only. */
export function NominationStatusTag({ status }: { status: string }) {
  return <Tag color={COLORS[status]}>{formatNominationStatus(status)}</Tag>;
}
