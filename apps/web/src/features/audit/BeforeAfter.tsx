import { Table } from 'antd';
import { ToneTag } from '../shared/ToneTag';

interface Row {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '–';
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A change as two columns, field by field; changed fields are marked in words too. */
export function BeforeAfter({ before, after }: { before: unknown; after: unknown }) {
  let rows: Row[];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    rows = fields.map((field) => {
      const was = show(b[field]);
      const now = show(a[field]);
      return { field, before: was, after: now, changed: was !== now };
    });
  } else {
    rows = [
      {
        field: '(giá trị)',
        before: show(before),
        after: show(after),
        changed: show(before) !== show(after),
      },
    ];
  }
  return (
    <Table<Row>
      className="before-after"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: 'Trường',
          dataIndex: 'field',
          width: 200,
          render: (field: string, row) => (
            <>
              {field} {row.changed && <ToneTag tone="gold">Đã đổi</ToneTag>}
            </>
          ),
        },
        {
          title: 'Trước',
          dataIndex: 'before',
          render: (v: string) => <pre className="audit-value">{v}</pre>,
        },
        {
          title: 'Sau',
          dataIndex: 'after',
          render: (v: string) => <pre className="audit-value">{v}</pre>,
        },
      ]}
    />
  );
}
