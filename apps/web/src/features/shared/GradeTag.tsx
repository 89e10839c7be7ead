import { formatGrade, type Grade } from '../../format';
import { ToneTag, type Tone } from './ToneTag';

const GRADE_TONES: Record<Grade, Tone> = { A: 'green', B: 'blue', C: 'gold', D: 'red' };

/** A grade in words, with its colour as a second signal only. */
export function GradeTag({ grade }: { grade: string | null | undefined }) {
  if (!grade) return <>–</>;
  return <ToneTag tone={GRADE_TONES[grade as Grade] ?? 'grey'}>{formatGrade(grade)}</ToneTag>;
}
