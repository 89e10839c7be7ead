import type { ReactNode } from 'react';
import { Collapse } from 'antd';

/** A chart's figures as a table, folded under it: the same numbers for screen readers and for copying. */
export function DataTable({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Collapse
      ghost
      size="small"
      data-testid={testId}
      items={[{ key: 'table', label: 'Xem số liệu dạng bảng', children }]}
    />
  );
}
