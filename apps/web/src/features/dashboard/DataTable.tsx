import type { ReactNode } from 'react';

export interface DataColumn<Row> {
  title: string;
  render: (row: Row) => ReactNode;
  numeric?: boolean;
}

interface DataTableProps<Row> {
  /** What the table lists, read by screen readers as its caption. */
  caption: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  testId?: string;
}

/**
 * A chart's figures as a plain table folded under it: the same numbers for screen readers and
 * for copying. Native <details> and <table> rather than antd's Collapse and Table keep the
 * dashboard's bundle small (UI.md §4: ≤ 500 KB gzip for a role's home).
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, testId }: DataTableProps<Row>) {
  return (
    <details className="data-table" data-testid={testId}>
      <summary>Xem số liệu dạng bảng</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.title} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.title} className={column.numeric ? 'numeric' : undefined}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
