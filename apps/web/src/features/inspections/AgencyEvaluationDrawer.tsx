import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, Space, Table, Typography } from 'antd';
import { scoreEvaluation } from '@app/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import type { CriteriaSetView, CriterionView, EvaluationView, Page } from '../../api/types';
import { formatGrade, formatPeriod, formatScore, formatStatus } from '../../format';
import { formatCellValue, parseCellInput } from '../evaluations/grid-values';
import type { Values } from '../evaluations/grid-rows';

interface Props {
  agencyId: number;
  agencyName: string;
  period: string;
  onClose: () => void;
}

/**
 * The agency's evaluation of a quarter, as the inspection's checklist filled it: each value can
 * be edited (checked as the server checks it, total live from libs/domain), saved with its
 * version, and submitted.
 */
export function AgencyEvaluationDrawer({ agencyId, agencyName, period, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const evaluation = useQuery({
    queryKey: ['evaluations', 'agency', agencyId, period],
    queryFn: async () =>
      (
        await api<Page<EvaluationView>>('/evaluations', {
          query: { subjectType: 'agency', subjectId: agencyId, period },
        })
      ).items[0] ?? null,
  });
  const set = useQuery({
    queryKey: ['criteria-sets', evaluation.data?.criteriaSetId],
    queryFn: () => api<CriteriaSetView>(`/criteria-sets/${evaluation.data!.criteriaSetId}`),
    enabled: Boolean(evaluation.data),
    staleTime: 5 * 60_000,
  });

  useEffect(() => {
    if (evaluation.data)
      setTexts(
        Object.fromEntries(evaluation.data.items.map((i) => [i.code, formatCellValue(i.value)])),
      );
  }, [evaluation.data]);

  const parsed = useMemo(() => {
    const values: Values = {};
    const problems: Record<string, string> = {};
    for (const def of set.data?.criteria ?? []) {
      if (def.fromIncidents) {
        values[def.code] = evaluation.data?.items.find((i) => i.code === def.code)?.value ?? 0;
        continue;
      }
      const result = parseCellInput(def, texts[def.code] ?? '');
      if ('error' in result) problems[def.code] = result.error;
      else values[def.code] = result.value;
    }
    return { values, problems };
  }, [texts, set.data, evaluation.data]);
  const score = set.data
    ? scoreEvaluation(set.data.criteria, parsed.values, set.data.thresholds)
    : null;
  const editable = evaluation.data?.status === 'draft' || evaluation.data?.status === 'returned';

  const save = async (): Promise<EvaluationView | null> => {
    const current = evaluation.data;
    if (!current || !set.data) return null;
    if (Object.keys(parsed.problems).length > 0) {
      message.error('Có giá trị chưa hợp lệ.');
      return null;
    }
    const values = Object.fromEntries(
      set.data.criteria
        .filter((d) => !d.fromIncidents)
        .map((d) => [d.code, parsed.values[d.code] ?? null]),
    );
    const answer = await api<EvaluationView>(`/evaluations/${current.id}`, {
      method: 'PATCH',
      body: { version: current.version, values },
    });
    queryClient.setQueryData(['evaluations', 'agency', agencyId, period], answer);
    return answer;
  };

  const run = async (submit: boolean) => {
    setBusy(true);
    try {
      const saved = await save();
      if (!saved) return;
      if (submit) {
        const sent = await api<EvaluationView>(`/evaluations/${saved.id}/submit`, {
          method: 'POST',
          body: {},
        });
        queryClient.setQueryData(['evaluations', 'agency', agencyId, period], sent);
        message.success('Đã gửi duyệt phiếu đánh giá cơ quan.');
      } else message.success('Đã lưu phiếu đánh giá cơ quan.');
      await queryClient.invalidateQueries({ queryKey: ['evaluations', 'submitted'] });
    } catch (error) {
      message.error(errorMessage(error));
      await evaluation.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={`Phiếu đánh giá ${agencyName}, ${formatPeriod(period)}`}
      open
      size={760}
      onClose={onClose}
      extra={
        editable && (
          <Space>
            <Button loading={busy} onClick={() => void run(false)}>
              Lưu
            </Button>
            <Button type="primary" loading={busy} onClick={() => void run(true)}>
              Gửi duyệt
            </Button>
          </Space>
        )
      }
    >
      {evaluation.isError && <Alert type="error" showIcon title={errorMessage(evaluation.error)} />}
      {evaluation.data === null && (
        <Alert
          type="info"
          showIcon
          title="Cơ quan chưa có phiếu đánh giá quý này. Ghi nhận một đợt kiểm tra có bảng kiểm để tạo phiếu."
        />
      )}
      {evaluation.data && set.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={3}
            items={[
              {
                key: 'status',
                label: 'Trạng thái',
                children: formatStatus(evaluation.data.status),
              },
              {
                key: 'total',
                label: 'Tổng điểm',
                children: score ? formatScore(score.total) : '–',
              },
              { key: 'grade', label: 'Xếp loại', children: score ? formatGrade(score.grade) : '–' },
            ]}
          />
          {evaluation.data.status === 'returned' && evaluation.data.returnReason && (
            <Alert
              type="warning"
              showIcon
              title={`Lý do trả lại: ${evaluation.data.returnReason}`}
            />
          )}
          {!editable && (
            <Typography.Text type="secondary">
              Phiếu {formatStatus(evaluation.data.status).toLowerCase()}: không sửa được.
            </Typography.Text>
          )}
          <Table<CriterionView>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={set.data.criteria}
            columns={[
              { title: 'Tiêu chí', dataIndex: 'name' },
              {
                title: 'Giá trị',
                key: 'value',
                width: 190,
                render: (_, def) =>
                  def.fromIncidents || !editable ? (
                    formatCellValue(parsed.values[def.code]) || '–'
                  ) : (
                    <>
                      <Input
                        aria-label={def.name}
                        value={texts[def.code] ?? ''}
                        placeholder={
                          def.kind === 'boolean'
                            ? 'Có/Không'
                            : `0–${def.kind === 'percentage' ? 100 : def.maxPoints}`
                        }
                        status={parsed.problems[def.code] ? 'error' : undefined}
                        onChange={(event) =>
                          setTexts((previous) => ({ ...previous, [def.code]: event.target.value }))
                        }
                      />
                      {parsed.problems[def.code] && (
                        <Typography.Text type="danger">{parsed.problems[def.code]}</Typography.Text>
                      )}
                    </>
                  ),
              },
              {
                title: 'Điểm',
                key: 'points',
                width: 120,
                className: 'numeric',
                render: (_, def) => {
                  const item = score?.items.find((i) => i.code === def.code);
                  return `${formatScore(item?.points ?? 0)} / ${formatScore(def.maxPoints)}`;
                },
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
