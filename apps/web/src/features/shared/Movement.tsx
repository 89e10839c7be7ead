import { describeMovement, formatMovement } from '../../format';

/** "▲ 3" / "▼ 2" / "–": arrows and numbers, colour only as a second signal. */
export function Movement({ value }: { value: number | null | undefined }) {
  const className = value && value > 0 ? 'movement-up' : value && value < 0 ? 'movement-down' : '';
  return (
    <span className={className} title={describeMovement(value)}>
      {formatMovement(value)}
    </span>
  );
}
