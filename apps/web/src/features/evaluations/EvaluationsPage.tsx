import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GridApi } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { Alert, App, Button, Card, Select, Space, Spin, Typography } from 'antd';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/api-error';
import { describeProblem } from '../../api/field-messages';
import type { CriterionView, EvaluationView, Page, UnitView } from '../../api/types';
import { usePeriod } from '../../app/use-period';
import { useSession } from '../../app/use-session';
import { formatPeriod } from '../../format';
import { downloadFile } from '../shared/download';
import { LazyImportDialog } from '../shared/LazyImportDialog';
import { useUrlState } from '../shared/use-page-params';
import { type GridHandlers, LIVE_COLUMNS } from './grid-handlers';
import {
  acceptServerAnswer,
  type GridRow,
  incidentCounts,
  lockReason,
  newRow,
  rescore,
  rulesOf,
  submitProblem,
} from './grid-rows';
import { parseCellInput, parseTsv } from './grid-values';
import { scoreEvaluation } from '@app/domain';
import { useGridData, useNewestSet, usePeriodClosed } from './use-grid-data';

// AG Grid is most of this page's JavaScript: its chunk is fetched as the page opens, alongside
// the quarter's data, and the page's header and buttons show before it arrives (UI.md §4).
const loadGrid = () => import('./EvaluationGrid');
const EvaluationGrid = lazy(() =>
  loadGrid().then((module) => ({ default: module.EvaluationGrid })),
);

/** `Đánh giá quý`: the HR officer's quarter as a spreadsheet (UI.md §3). */
export default function EvaluationsPage() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [period] = usePeriod(['quarter']);
  const url = useUrlState();
  const unitId = url.get('unitId') ? Number(url.get('unitId')) : undefined;
  const agencyId = user?.agencyId ?? null;

  useEffect(() => void loadGrid(), []);
  const set = useNewestSet('person');
  const closed = usePeriodClosed(period);
  const { people, evaluations, incidents } = useGridData(agencyId, period);
  const units = useQuery({
    queryKey: ['agencies', agencyId, 'units'],
    queryFn: () => api<Page<UnitView>>(`/agencies/${agencyId}/units`, { query: { limit: 500 } }),
    enabled: agencyId !== null,
    staleTime: 5 * 60_000,
  });

  const gridRef = useRef<AgGridReact<GridRow>>(null);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef(new Map<number, GridRow>());
  const closedRef = useRef(false);
  closedRef.current = closed.data === true;
  const [rows, setRows] = useState<GridRow[]>([]);
  const [selected, setSelected] = useState(0);
  const [pasteProblems, setPasteProblems] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [, setTick] = useState(0);
  const rerender = () => setTick((tick) => tick + 1);

  const rules = useMemo(() => (set.data ? rulesOf(set.data) : null), [set.data]);
  const rulesRef = useRef(rules);
  rulesRef.current = rules;

  // Another quarter's rows are not kept. Declared before the effect that fills the rows: on a
  // return to the page with the data cached, both run at mount, and this one must run first.
  useEffect(() => {
    rowsRef.current = new Map();
  }, [period]);

  // Rows from what the API answered; rows with unsaved edits are kept as they are.
  useEffect(() => {
    if (!rules || !people.data || !evaluations.data || !incidents.data) return;
    const byPerson = new Map(evaluations.data.map((e) => [e.subjectId, e]));
    const counted = incidentCounts(incidents.data);
    const next = new Map<number, GridRow>();
    for (const person of people.data) {
      const kept = rowsRef.current.get(person.id);
      next.set(
        person.id,
        kept && (kept.dirty.size > 0 || kept.saving)
          ? kept
          : newRow(person, byPerson.get(person.id), rules, counted.get(person.id)),
      );
    }
    rowsRef.current = next;
    setRows([...next.values()]);
  }, [rules, people.data, evaluations.data, incidents.data]);

  const refreshRow = useCallback((row: GridRow) => {
    const grid = apiRef.current;
    const node = grid?.getRowNode(String(row.personId));
    if (grid && node) grid.redrawRows({ rowNodes: [node] });
  }, []);

  const saveRow = useCallback(
    async (row: GridRow): Promise<void> => {
      const current = rulesRef.current;
      if (!current || row.saving || row.stale || row.dirty.size === 0) return;
      const codes = [...row.dirty];
      row.dirty.clear();
      row.saving = true;
      refreshRow(row);
      const values = Object.fromEntries(codes.map((code) => [code, row.values[code] ?? null]));
      try {
        const answer = row.evaluation
          ? await api<EvaluationView>(`/evaluations/${row.evaluation.id}`, {
              method: 'PATCH',
              body: { version: row.evaluation.version, values },
            })
          : await api<EvaluationView>('/evaluations', {
              method: 'POST',
              body: {
                subjectType: 'person',
                subjectId: row.personId,
                period,
                values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
              },
            });
        acceptServerAnswer(row, answer, current);
      } catch (error) {
        for (const code of codes) row.dirty.add(code);
        const conflict =
          error instanceof ApiError &&
          (error.code === 'STALE_VERSION' || (error.code === 'CONFLICT' && !row.evaluation));
        row.stale = conflict;
        row.problem = conflict
          ? errorMessage(new ApiError(409, 'STALE_VERSION', ''))
          : errorMessage(error);
        if (error instanceof ApiError && error.fieldProblems.length > 0)
          row.problem +=
            ' ' +
            error.fieldProblems
              .map((p) => describeProblem(p, { criteria: current.defs }))
              .join('; ');
        message.error(`${row.fullName}: ${row.problem}`);
      } finally {
        row.saving = false;
        refreshRow(row);
        rerender();
      }
      if (row.dirty.size > 0 && !row.stale && !row.problem) await saveRow(row);
    },
    [period, message, refreshRow],
  );

  const reloadRow = useCallback(
    async (row: GridRow) => {
      const current = rulesRef.current;
      if (!current) return;
      try {
        const answer = row.evaluation
          ? await api<EvaluationView>(`/evaluations/${row.evaluation.id}`)
          : (
              await api<Page<EvaluationView>>('/evaluations', {
                query: { subjectType: 'person', subjectId: row.personId, period },
              })
            ).items[0];
        row.dirty.clear();
        if (answer) acceptServerAnswer(row, answer, current);
        row.stale = false;
        row.problem = null;
        refreshRow(row);
        rerender();
        message.success(`Đã tải lại phiếu của ${row.fullName}.`);
      } catch (error) {
        message.error(errorMessage(error));
      }
    },
    [period, message, refreshRow],
  );

  const saveAll = useCallback(async () => {
    apiRef.current?.stopEditing();
    const dirty = [...rowsRef.current.values()].filter((row) => row.dirty.size > 0 && !row.stale);
    await Promise.all(dirty.map(saveRow));
    const failed = dirty.filter((row) => row.problem || row.stale).length;
    if (dirty.length > 0 && failed === 0) message.success(`Đã lưu ${dirty.length} phiếu.`);
  }, [saveRow, message]);

  const handlers = useMemo<GridHandlers>(
    () => ({
      setValue: (row, def, input) => {
        const current = rulesRef.current;
        if (!current) return false;
        const parsed = parseCellInput(def, input);
        if ('error' in parsed) {
          message.error(`${row.fullName}, ${def.name}: ${parsed.error}`);
          return false;
        }
        if ((row.values[def.code] ?? null) === parsed.value) return false;
        row.values[def.code] = parsed.value;
        row.dirty.add(def.code);
        row.problem = null;
        rescore(row, current);
        const grid = apiRef.current;
        const node = grid?.getRowNode(String(row.personId));
        if (grid && node && typeof input === 'boolean')
          grid.refreshCells({
            rowNodes: [node],
            columns: [def.code, ...LIVE_COLUMNS],
            force: true,
          });
        return true;
      },
      isClosed: () => closedRef.current,
      reload: (row) => void reloadRow(row),
      onRowLeft: (row) => void saveRow(row),
      onEditingStopped: (row) => {
        if (rulesRef.current) rescore(row, rulesRef.current);
      },
      onSelectionChanged: setSelected,
      onReady: (gridApi) => {
        apiRef.current = gridApi;
      },
    }),
    [message, reloadRow, saveRow],
  );

  // Whether the quarter is closed can be learnt after the rows were drawn: draw them again, so
  // each says it is locked and why.
  useEffect(() => {
    apiRef.current?.redrawRows();
  }, [closed.data]);

  // Ctrl+S saves every edited row; leaving the grid saves too.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveAll]);

  // Total and grade follow each keystroke in a cell editor, before the value is committed.
  useEffect(() => {
    const container = containerRef.current;
    const onInput = (event: Event) => {
      const grid = apiRef.current;
      const current = rulesRef.current;
      const input = event.target as HTMLInputElement;
      const code = input.closest('.ag-cell')?.getAttribute('col-id');
      const rowId = input.closest('.ag-row')?.getAttribute('row-id');
      const row = rowId ? rowsRef.current.get(Number(rowId)) : undefined;
      const def = current?.defs.find((d) => d.code === code);
      if (!grid || !current || !row || !def) return;
      const parsed = parseCellInput(def, input.value);
      if ('error' in parsed) return;
      row.touched = true;
      row.score = scoreEvaluation(
        current.defs,
        { ...row.values, [def.code]: parsed.value },
        current.thresholds,
      );
      const node = grid.getRowNode(String(row.personId));
      if (node) grid.refreshCells({ rowNodes: [node], columns: ['total', 'grade'], force: true });
    };
    container?.addEventListener('input', onInput);
    return () => container?.removeEventListener('input', onInput);
  }, [rows.length]);

  // A block copied from a spreadsheet pastes from the focused cell across rows and columns.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const grid = apiRef.current;
      const current = rulesRef.current;
      const container = containerRef.current;
      if (!grid || !current || !container?.contains(document.activeElement)) return;
      if (grid.getEditingCells().length > 0) return;
      const focused = grid.getFocusedCell();
      const text = event.clipboardData?.getData('text/plain');
      if (!focused || !text) return;
      event.preventDefault();
      const columns = grid.getAllDisplayedColumns();
      const start = columns.findIndex((c) => c.getColId() === focused.column.getColId());
      const defs = new Map<string, CriterionView>(set.data!.criteria.map((d) => [d.code, d]));
      const problems: string[] = [];
      const touched = new Set<GridRow>();
      parseTsv(text).forEach((cells, r) => {
        const row = grid.getDisplayedRowAtIndex(focused.rowIndex + r)?.data;
        if (!row) return void problems.push(`Dòng ${r + 1} của khối dán nằm ngoài bảng.`);
        const lock = lockReason(row, closedRef.current);
        if (lock) return void problems.push(`${row.fullName}: ${lock}`);
        cells.forEach((cell, c) => {
          const def = defs.get(columns[start + c]?.getColId() ?? '');
          if (!def) return void problems.push(`Cột ${c + 1} của khối dán không phải tiêu chí.`);
          const parsed = parseCellInput(def, cell);
          if ('error' in parsed)
            return void problems.push(`${row.fullName}, ${def.name}: «${cell}» ${parsed.error}`);
          if ((row.values[def.code] ?? null) === parsed.value) return;
          row.values[def.code] = parsed.value;
          row.dirty.add(def.code);
          touched.add(row);
        });
      });
      const nodes = [...touched].map((row) => {
        rescore(row, current);
        row.problem = null;
        return grid.getRowNode(String(row.personId))!;
      });
      grid.refreshCells({ rowNodes: nodes, force: true });
      setPasteProblems([...new Set(problems)]);
      if (touched.size > 0) message.success(`Đã dán vào ${touched.size} dòng.`);
      for (const row of touched) void saveRow(row);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [set.data, message, saveRow]);

  const submitSelected = async () => {
    const grid = apiRef.current;
    const current = rulesRef.current;
    if (!grid || !current) return;
    setSubmitting(true);
    grid.stopEditing();
    const chosen = grid.getSelectedNodes().flatMap((node) => (node.data ? [node.data] : []));
    await Promise.all(chosen.filter((row) => row.dirty.size > 0).map(saveRow));
    let sent = 0;
    const refused: string[] = [];
    for (const row of chosen) {
      const problem = row.stale ? row.problem : submitProblem(row, current);
      if (problem) {
        row.problem = problem;
        refused.push(`${row.fullName}: ${problem}`);
        refreshRow(row);
        continue;
      }
      try {
        const answer = await api<EvaluationView>(`/evaluations/${row.evaluation!.id}/submit`, {
          method: 'POST',
          body: {},
        });
        acceptServerAnswer(row, answer, current);
        sent += 1;
      } catch (error) {
        row.problem = errorMessage(error);
        refused.push(`${row.fullName}: ${row.problem}`);
      }
      refreshRow(row);
    }
    setSubmitting(false);
    rerender();
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    if (sent > 0) message.success(`Đã gửi duyệt ${sent} phiếu.`);
    if (refused.length > 0)
      modal.warning({
        title: `${refused.length} phiếu chưa gửi được`,
        content: (
          <ul className="problem-list">
            {refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ),
        okText: 'Đóng',
      });
  };

  const downloadTemplate = async () => {
    try {
      await downloadFile('/evaluations/import-template', { period }, `mau-nhap-${period}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const shown = useMemo(
    () => (unitId ? rows.filter((row) => row.unitId === unitId) : rows),
    [rows, unitId],
  );
  const unsaved = rows.filter((row) => row.dirty.size > 0).length;
  const loadError = set.error ?? people.error ?? evaluations.error ?? incidents.error;
  const loading = set.isPending || people.isPending || evaluations.isPending || incidents.isPending;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        Đánh giá quý {formatPeriod(period)}
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Select
              aria-label="Phòng ban"
              placeholder="Phòng ban: tất cả"
              allowClear
              style={{ width: 240 }}
              value={unitId}
              onChange={(value) => url.set({ unitId: value })}
              options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))}
            />
            <Button onClick={() => void saveAll()} disabled={closed.data}>
              Lưu (Ctrl+S)
            </Button>
            <Button
              type="primary"
              onClick={() => void submitSelected()}
              disabled={selected === 0 || closed.data}
              loading={submitting}
            >
              Gửi duyệt
            </Button>
            <Button onClick={() => void downloadTemplate()}>Tải mẫu nhập</Button>
            <Button onClick={() => setImporting(true)} disabled={closed.data}>
              Nhập từ tệp
            </Button>
            <Typography.Text type="secondary">
              {shown.length} người · {selected} đã chọn · {unsaved} chưa lưu
            </Typography.Text>
          </Space>
          {closed.data && (
            <Alert
              type="warning"
              showIcon
              title="Kỳ đánh giá đã khoá."
              description="Bảng chỉ để xem: không sửa, nhập hay gửi duyệt được."
            />
          )}
          {!set.isPending && !set.data && !set.error && (
            <Alert type="warning" showIcon title="Chưa có bộ tiêu chí cá nhân nào được công bố." />
          )}
          {loadError && <Alert type="error" showIcon title={errorMessage(loadError)} />}
          {pasteProblems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              closable={{ onClose: () => setPasteProblems([]) }}
              title="Một số ô dán không được nhận:"
              description={
                <ul className="problem-list">
                  {pasteProblems.slice(0, 20).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Typography.Text type="secondary">
            Gõ để sửa ô; mũi tên, Tab, Enter để di chuyển; Space đổi Có/Không; Ctrl+V dán khối từ
            Excel. Dòng được lưu khi rời khỏi dòng.
          </Typography.Text>
          <div
            ref={containerRef}
            className="evaluation-grid"
            role="region"
            aria-label="Bảng đánh giá"
            onBlur={(event) => {
              if (!containerRef.current?.contains(event.relatedTarget as Node | null))
                void saveAll();
            }}
          >
            {loading ? (
              <Spin />
            ) : set.data ? (
              <Suspense fallback={<Spin />}>
                <EvaluationGrid
                  ref={gridRef}
                  rows={shown}
                  criteria={set.data.criteria}
                  handlers={handlers}
                />
              </Suspense>
            ) : null}
          </div>
        </Space>
      </Card>
      <LazyImportDialog
        title="Nhập đánh giá từ tệp"
        open={importing}
        path="/evaluations/import"
        query={{ period }}
        hint={`Tệp theo mẫu nhập (Tải mẫu nhập) của ${formatPeriod(period)}: mỗi dòng một người (employeeCode), mỗi cột một mã tiêu chí.`}
        onClose={() => setImporting(false)}
        onImported={() => {
          rowsRef.current = new Map();
          void queryClient.invalidateQueries({ queryKey: ['evaluations'] });
        }}
      />
    </>
  );
}
