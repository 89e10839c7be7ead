import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { CheckView } from '../../api/types';
import { checkLabel } from './check-labels';

/** One check: an icon and the words `Đạt`/`Không đạt` (never colour alone), then its reason. */
export function CheckMark({ check }: { check: CheckView }) {
  return (
    <div className={`check-mark ${check.passed ? 'check-passed' : 'check-failed'}`}>
      {check.passed ? (
        <CheckCircleFilled aria-hidden style={{ color: '#237804' }} />
      ) : (
        <CloseCircleFilled aria-hidden style={{ color: '#a8071a' }} />
      )}{' '}
      <strong>
        {checkLabel(check.check)}: {check.passed ? 'Đạt' : 'Không đạt'}
      </strong>
      <span className="check-detail"> — {check.detail}</span>
    </div>
  );
}

export function CheckList({ checks }: { checks: CheckView[] }) {
  return (
    <div className="check-list">
      {checks.map((check) => (
        <CheckMark key={check.check} check={check} />
      ))}
    </div>
  );
}
