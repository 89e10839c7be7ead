/**
 * The evaluation grid: AG Grid Community with only the modules it uses. One row per person, one
 * column per criterion grouped as in the set; typing edits, Space toggles a yes/no criterion,
 * arrows/Tab/Enter move. The rows are mutable objects owned by the page: an edit changes the
 * row and refreshes that row's cells only, so a keystroke costs one row's rescoring.
 */
import { forwardRef, useMemo } from 'react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  type ColDef,
  type ColGroupDef,
  ColumnApiModule,
  EventApiModule,
  type GridApi,
  LocaleModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  themeQuartz,
  TooltipModule,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Button, Space, Tag } from 'antd';
import type { CriterionView } from '../../api/types';
import { formatGrade, formatScore, formatStatus } from '../../format';
import { formatCellValue } from './grid-values';
import { type GridHandlers, LIVE_COLUMNS } from './grid-handlers';
import { type GridRow, hasScore, lockReason } from './grid-rows';

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  TextEditorModule,
  RowSelectionModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  ColumnApiModule,
  EventApiModule,
  LocaleModule,
]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  accentColor: '#1d4ed8',
  foregroundColor: '#1f2937',
  headerTextColor: '#1f2937',
  subtleTextColor: '#4b5563',
  rowHeight: 36,
  headerHeight: 40,
});

const LOCALE_TEXT = {
  noRowsToShow: 'Không có người nào',
  loadingOoo: 'Đang tải…',
  ariaChecked: 'đã chọn',
  ariaUnchecked: 'chưa chọn',
  ariaRowSelect: 'Nhấn Space để chọn dòng',
  ariaRowDeselect: 'Nhấn Space để bỏ chọn dòng',
  ariaRowSelectAll: 'Nhấn Space để chọn tất cả',
  ariaRowToggleSelection: 'Nhấn Space để chọn hoặc bỏ chọn dòng',
  ariaRowSelectionDisabled: 'Không chọn được dòng này',
  ariaLabelSelectAll: 'Chọn tất cả',
};

function StateCell({ row, reload }: { row: GridRow | undefined; reload: (row: GridRow) => void }) {
  if (!row) return null;
  if (row.stale)
    return (
      <Space size={4}>
        <Tag color="red">Xung đột</Tag>
        <Button size="small" onClick={() => reload(row)}>
          Tải lại
        </Button>
      </Space>
    );
  if (row.saving) return <>Đang lưu…</>;
  if (row.dirty.size > 0) return <>Chưa lưu</>;
  return <>{row.evaluation ? formatStatus(row.evaluation.status) : 'Chưa có phiếu'}</>;
}

function criterionColumn(def: CriterionView, handlers: GridHandlers): ColDef<GridRow> {
  const max = String(def.maxPoints).replace('.', ',');
  const extra = def.fromIncidents
    ? ' · đếm từ vi phạm, không nhập tay'
    : def.kind === 'boolean'
      ? ' · Có/Không (Space để đổi)'
      : '';
  return {
    colId: def.code,
    headerName: def.name,
    headerTooltip: `${def.code}: ${def.name} · tối đa ${max} điểm${def.bonus ? ' (điểm cộng)' : ''}${extra}`,
    width: def.kind === 'boolean' ? 100 : 112,
    wrapHeaderText: true,
    autoHeaderHeight: true,
    valueGetter: (p) => (p.data ? formatCellValue(p.data.values[def.code]) : ''),
    valueSetter: (p) => (p.data ? handlers.setValue(p.data, def, p.newValue) : false),
    editable: (p) =>
      !def.fromIncidents && Boolean(p.data) && !lockReason(p.data!, handlers.isClosed()),
    cellClass: def.fromIncidents ? 'grid-cell-computed' : 'grid-cell-value',
    suppressKeyboardEvent: (p) => {
      if (def.kind !== 'boolean' || p.editing || p.event.key !== ' ') return false;
      if (p.event.type === 'keydown' && p.data && !def.fromIncidents) {
        if (!lockReason(p.data, handlers.isClosed()))
          handlers.setValue(p.data, def, !(p.data.values[def.code] === true));
      }
      return true;
    },
  };
}

/** Criteria in the set's order, consecutive criteria of one group under one header. */
function criteriaColumns(
  criteria: readonly CriterionView[],
  handlers: GridHandlers,
): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const columns: (ColDef<GridRow> | ColGroupDef<GridRow>)[] = [];
  let group: ColGroupDef<GridRow> | null = null;
  for (const def of criteria) {
    const column = criterionColumn(def, handlers);
    if (!def.group) {
      group = null;
      columns.push(column);
    } else if (group && group.headerName === def.group) {
      group.children.push(column);
    } else {
      group = { headerName: def.group, children: [column] };
      columns.push(group);
    }
  }
  return columns;
}

interface Props {
  rows: GridRow[];
  criteria: readonly CriterionView[];
  handlers: GridHandlers;
}

export const EvaluationGrid = forwardRef<AgGridReact<GridRow>, Props>(function EvaluationGrid(
  { rows, criteria, handlers },
  ref,
) {
  const columnDefs = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(
    () => [
      { colId: 'code', headerName: 'Mã', field: 'employeeCode', width: 96, pinned: 'left' },
      { colId: 'name', headerName: 'Họ và tên', field: 'fullName', width: 170, pinned: 'left' },
      ...criteriaColumns(criteria, handlers),
      {
        colId: 'total',
        headerName: 'Tổng điểm',
        width: 104,
        pinned: 'right',
        cellClass: 'grid-cell-total',
        valueGetter: (p) => (p.data && hasScore(p.data) ? formatScore(p.data.score.total) : '–'),
      },
      {
        colId: 'grade',
        headerName: 'Xếp loại',
        width: 100,
        pinned: 'right',
        valueGetter: (p) => (p.data && hasScore(p.data) ? formatGrade(p.data.score.grade) : '–'),
      },
      {
        colId: 'state',
        headerName: 'Trạng thái',
        width: 150,
        valueGetter: (p) =>
          p.data
            ? `${p.data.stale}|${p.data.saving}|${p.data.dirty.size}|${p.data.evaluation?.status}`
            : '',
        cellRenderer: (p: { data: GridRow | undefined }) => (
          <StateCell row={p.data} reload={handlers.reload} />
        ),
      },
      {
        colId: 'returnReason',
        headerName: 'Lý do trả lại',
        width: 200,
        tooltipValueGetter: (p) => p.data?.evaluation?.returnReason ?? null,
        valueGetter: (p) =>
          p.data?.evaluation?.status === 'returned' ? (p.data.evaluation.returnReason ?? '') : '',
      },
      {
        colId: 'note',
        headerName: 'Ghi chú',
        width: 260,
        tooltipValueGetter: (p) =>
          p.data ? (p.data.problem ?? lockReason(p.data, handlers.isClosed())) : null,
        valueGetter: (p) =>
          p.data ? (p.data.problem ?? lockReason(p.data, handlers.isClosed()) ?? '') : '',
      },
    ],
    [criteria, handlers],
  );

  return (
    <AgGridReact<GridRow>
      ref={ref}
      theme={theme}
      localeText={LOCALE_TEXT}
      rowData={rows}
      columnDefs={columnDefs}
      getRowId={(p) => String(p.data.personId)}
      rowSelection={{
        mode: 'multiRow',
        checkboxes: true,
        headerCheckbox: true,
        enableClickSelection: false,
      }}
      selectionColumnDef={{ pinned: 'left', width: 50 }}
      rowClassRules={{
        'grid-row-stale': (p) => Boolean(p.data?.stale),
        'grid-row-locked': (p) => Boolean(p.data && lockReason(p.data, handlers.isClosed())),
        'grid-row-problem': (p) => Boolean(p.data?.problem),
      }}
      suppressColumnVirtualisation
      enterNavigatesVertically
      enterNavigatesVerticallyAfterEdit
      stopEditingWhenCellsLoseFocus
      tooltipShowDelay={400}
      onGridReady={(event) => handlers.onReady(event.api)}
      onCellEditingStopped={(event) => {
        if (!event.data) return;
        handlers.onEditingStopped(event.data);
        event.api.refreshCells({ rowNodes: [event.node], columns: LIVE_COLUMNS, force: true });
      }}
      onFirstDataRendered={() => performance.mark('grid-first-rows')}
      onCellValueChanged={(event) =>
        event.api.refreshCells({ rowNodes: [event.node], columns: LIVE_COLUMNS, force: true })
      }
      onCellFocused={(event) => {
        const focused =
          event.rowIndex === null || event.rowIndex === undefined ? null : event.rowIndex;
        const node = focused === null ? undefined : event.api.getDisplayedRowAtIndex(focused);
        const previous = lastFocused.get(event.api);
        if (previous && previous !== node?.data) handlers.onRowLeft(previous);
        if (node?.data) lastFocused.set(event.api, node.data);
      }}
      onSelectionChanged={(event) =>
        handlers.onSelectionChanged(event.api.getSelectedNodes().length)
      }
    />
  );
});

// The row last focused in each grid: leaving it saves it.
const lastFocused = new WeakMap<GridApi<GridRow>, GridRow>();
