import type { GridApi } from 'ag-grid-community';
import type { CriterionView } from '../../api/types';
import type { GridRow } from './grid-rows';

/** The columns that follow a row's values: redrawn after every edit of the row. */
export const LIVE_COLUMNS = ['total', 'grade', 'state', 'note'];

/** What the page does for the grid: the grid draws and edits, the page scores and saves. */
export interface GridHandlers {
  /** Sets a typed, pasted or toggled value; false when refused (the page says why). */
  setValue: (row: GridRow, def: CriterionView, input: unknown) => boolean;
  isClosed: () => boolean;
  reload: (row: GridRow) => void;
  onRowLeft: (row: GridRow) => void;
  /** An edit ended (committed or cancelled): the live total drops its preview. */
  onEditingStopped: (row: GridRow) => void;
  onSelectionChanged: (count: number) => void;
  onReady: (api: GridApi<GridRow>) => void;
}
