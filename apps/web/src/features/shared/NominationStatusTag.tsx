import { formatNominationStatus } from '../../format';
import { ToneTag, type Tone } from './ToneTag';

const TONES: Record<string, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  accepted: 'green',
  rejected: 'red',
};

/** A nomination list's status: its words, coloured as a second signal only. */
export function NominationStatusTag({ status }: { status: string }) {
  return <ToneTag tone={TONES[status] ?? 'grey'}>{formatNominationStatus(status)}</ToneTag>;
}
