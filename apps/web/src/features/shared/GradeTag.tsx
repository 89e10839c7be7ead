import { Tag } from 'antd';
import { formatGrade, GRADE_COLORS, type Grade } from '../../format';

/** A grade in words, with its colour as a second signal only. */
export function GradeTag({ grade }: { grade: string | null | undefined }) {
  if (!grade) return <>–</>;
  return (
    <Tag color={GRADE_COLORS[grade as Grade]} bordered>
      {formatGrade(grade)}
    </Tag>
  );
}
