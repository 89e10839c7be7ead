import { useMemo } from 'react';
import { Alert, Checkbox, Descriptions, Table, Typography } from 'antd';
import {
  checkCriteriaSet,
  checkValue,
  resolveThresholds,
  scoreEvaluation,
  type CriterionDef,
  type CriterionValue,
  type Thresholds,
} from '@app/domain';
import { describeProblem, vietnameseMessage } from '../../api/field-messages';
import { formatScore } from '../../format';
import { DecimalInput } from '../shared/DecimalInput';
import { GradeTag } from '../shared/GradeTag';
import { KIND_LABELS } from './criteria-labels';

/**
 * The sample values, kept by the page: saving a draft remounts its editor, and what the
 * administrator typed to try the set must survive that.
 */
export interface SampleValues {
  samples: Record<string, CriterionValue>;
  onSamplesChange: (samples: Record<string, CriterionValue>) => void;
}

interface ScoringPreviewProps extends SampleValues {
  criteria: CriterionDef[];
  thresholds: Partial<Thresholds> | undefined;
}

/**
 * Sample values scored with the same domain functions as the server (libs/domain): what a
 * person's total and grade would be under this definition.
 */
export function ScoringPreview({
  criteria,
  thresholds,
  samples: values,
  onSamplesChange,
}: ScoringPreviewProps) {
  const problems = useMemo(
    () => checkCriteriaSet({ thresholds, criteria }),
    [criteria, thresholds],
  );
  const valueProblems = criteria
    .map((def) => {
      const value = values[def.code];
      const problem = value === null || value === undefined ? null : checkValue(def, value);
      return problem
        ? `Giá trị thử ${def.code}: ${vietnameseMessage(problem, `values.${def.code}`)}`
        : null;
    })
    .filter(Boolean);
  const score =
    problems.length === 0 && valueProblems.length === 0
      ? scoreEvaluation(criteria, values, resolveThresholds(thresholds))
      : null;

  if (problems.length)
    return (
      <Alert
        type="info"
        showIcon
        title="Hoàn chỉnh các tiêu chí để thử tính điểm"
        description={
          <ul className="problem-list">
            {problems.slice(0, 5).map((p) => (
              <li key={p.path + p.message}>
                {describeProblem({ field: p.path, message: p.message })}
              </li>
            ))}
          </ul>
        }
      />
    );

  const set = (code: string, value: CriterionValue) =>
    onSamplesChange({ ...values, [code]: value });
  return (
    <>
      <Table<CriterionDef>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={criteria}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 80 },
          { title: 'Tiêu chí', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', width: 110, render: (k: string) => KIND_LABELS[k] },
          {
            title: 'Giá trị thử',
            key: 'value',
            width: 160,
            render: (_, def) =>
              def.kind === 'boolean' ? (
                <Checkbox
                  aria-label={`Giá trị thử ${def.code}`}
                  checked={values[def.code] === true}
                  onChange={(e) => set(def.code, e.target.checked)}
                >
                  Có
                </Checkbox>
              ) : (
                <DecimalInput
                  aria-label={`Giá trị thử ${def.code}`}
                  min={0}
                  max={
                    def.kind === 'score'
                      ? def.maxPoints
                      : def.kind === 'percentage'
                        ? 100
                        : undefined
                  }
                  precision={def.kind === 'count' ? 0 : undefined}
                  style={{ width: 120 }}
                  value={values[def.code] as number | null | undefined}
                  onChange={(value) => set(def.code, value)}
                />
              ),
          },
          {
            title: 'Điểm',
            key: 'points',
            width: 90,
            className: 'numeric',
            render: (_, def) =>
              formatScore(score?.items.find((item) => item.code === def.code)?.points ?? null),
          },
        ]}
      />
      {valueProblems.length > 0 && (
        <Alert type="warning" showIcon title={valueProblems.join('; ')} style={{ marginTop: 12 }} />
      )}
      {score && (
        <Descriptions
          className="preview-result"
          style={{ marginTop: 12 }}
          size="small"
          bordered
          column={3}
          items={[
            {
              key: 'total',
              label: 'Tổng điểm thử',
              children: (
                <Typography.Text strong data-testid="preview-total">
                  {formatScore(score.total)}
                </Typography.Text>
              ),
            },
            { key: 'grade', label: 'Xếp loại', children: <GradeTag grade={score.grade} /> },
            {
              key: 'disqualified',
              label: 'Loại trừ',
              children: score.disqualified ? 'Bị loại trừ' : 'Không',
            },
          ]}
        />
      )}
    </>
  );
}
