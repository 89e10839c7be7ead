import type { CriterionDef } from '@app/domain';
import type { CriterionView } from '../../api/types';

export const KIND_LABELS: Record<string, string> = {
  score: 'Chấm điểm',
  boolean: 'Có/Không',
  percentage: 'Tỷ lệ %',
  count: 'Đếm số lần',
};

export const TARGET_LABELS: Record<string, string> = {
  person: 'Cá nhân',
  agency: 'Cơ quan',
};

/** The options of a criterion in words. */
export function optionsOf(
  def: Pick<CriterionView, 'bonus' | 'fromIncidents' | 'disqualifying'>,
): string[] {
  return [
    def.bonus && 'Điểm thưởng',
    def.fromIncidents && 'Lấy từ vi phạm',
    def.disqualifying && 'Loại trừ',
  ].filter((x): x is string => Boolean(x));
}

/** A form's criterion, with empty fields, as the domain's definition. */
export function toDefinition(raw: Partial<CriterionView> | undefined): CriterionDef {
  return {
    code: raw?.code ?? '',
    name: raw?.name ?? '',
    group: raw?.group || null,
    kind: raw?.kind ?? 'score',
    maxPoints: Number(raw?.maxPoints ?? 0),
    target: raw?.kind === 'percentage' ? (raw?.target ?? null) : null,
    penaltyPerUnit: raw?.kind === 'count' ? (raw?.penaltyPerUnit ?? null) : null,
    bonus: Boolean(raw?.bonus),
    fromIncidents: raw?.kind === 'count' && Boolean(raw?.fromIncidents),
    disqualifying:
      (raw?.kind === 'boolean' || raw?.kind === 'count') && Boolean(raw?.disqualifying),
  };
}
