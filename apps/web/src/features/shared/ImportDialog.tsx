import { useState } from 'react';
import { Alert, Button, Modal, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import { ApiError, errorMessage, type RowProblem } from '../../api/api-error';
import type { Query } from '../../api/client';
import { columnLabel, describeProblem, vietnameseMessage } from '../../api/field-messages';
import { type ImportOutcome, uploadFile } from './upload';

interface Props {
  title: string;
  open: boolean;
  path: string;
  query?: Query;
  /** What the file holds, shown above the picker. */
  hint: string;
  onClose: () => void;
  /** Called after rows were written. */
  onImported: (outcome: ImportOutcome) => void;
}

/**
 * The rejected rows of an import: row, column, message (UI.md §2). The column keeps the name the
 * file uses, with its Vietnamese name; the API's message is said in Vietnamese.
 */
export function RowProblemsTable({ problems }: { problems: RowProblem[] }) {
  return (
    <Table<RowProblem>
      size="small"
      rowKey={(p) => `${p.row}:${p.column ?? ''}:${p.message}`}
      pagination={problems.length > 10 ? { pageSize: 10 } : false}
      dataSource={problems}
      aria-label="Các dòng bị từ chối"
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 80 },
        { title: 'Cột', dataIndex: 'column', width: 200, render: columnLabel },
        {
          title: 'Lỗi',
          dataIndex: 'message',
          render: (message: string, problem) => vietnameseMessage(message, problem.column ?? ''),
        },
      ]}
    />
  );
}

/**
 * Picks a CSV/XLSX file and imports it with an upload progress bar; by default nothing is
 * written when one row is bad (the rows are listed), or only the good rows in partial mode.
 */
export function ImportDialog({ title, open, path, query, hint, onClose, onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'all' | 'partial'>('all');
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setProgress(null);
    setOutcome(null);
    setProblems([]);
    setError(null);
  };

  const start = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setProblems([]);
    setError(null);
    setProgress(0);
    try {
      const answer = await uploadFile(path, { ...query, mode }, file, setProgress);
      setOutcome(answer);
      setProblems(answer.rejected);
      onImported(answer);
    } catch (caught) {
      // A file refused whole (400 on `file`, `period`…) says why after the code's sentence.
      const why =
        caught instanceof ApiError ? caught.fieldProblems.map((p) => describeProblem(p)) : [];
      setError([errorMessage(caught), ...why].join(' '));
      if (caught instanceof ApiError) setProblems(caught.rowProblems);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      width={760}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={[
        <Button
          key="close"
          onClick={() => {
            reset();
            onClose();
          }}
        >
          Đóng
        </Button>,
        <Button key="start" type="primary" disabled={!file} loading={busy} onClick={start}>
          Nhập
        </Button>,
      ]}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph>{hint}</Typography.Paragraph>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(picked) => {
            setFile(picked);
            setOutcome(null);
            setProblems([]);
            setError(null);
            setProgress(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button>Chọn tệp CSV/XLSX</Button>
        </Upload>
        <Radio.Group
          aria-label="Cách nhập"
          value={mode}
          onChange={(event) => setMode(event.target.value)}
          options={[
            { value: 'all', label: 'Có dòng lỗi thì không ghi gì' },
            { value: 'partial', label: 'Chỉ ghi các dòng hợp lệ' },
          ]}
        />
        {progress !== null && (
          <Progress
            percent={progress}
            aria-label="Tiến độ tải lên"
            status={busy ? 'active' : undefined}
          />
        )}
        {outcome && (
          <Alert
            type={outcome.rejected.length ? 'warning' : 'success'}
            showIcon
            title={`Đã ghi: ${outcome.created} mới, ${outcome.updated} cập nhật; ${outcome.rejected.length} lỗi.`}
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        {problems.length > 0 && <RowProblemsTable problems={problems} />}
      </Space>
    </Modal>
  );
}
