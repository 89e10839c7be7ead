import { App, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Query } from '../../api/client';
import { errorMessage } from '../../api/api-error';
import { FORMAT_LABELS, startDownload, type ExportFormat } from '../../api/download';

interface DownloadButtonsProps {
  /** The export's API path (without `/api`). */
  path: string;
  query?: Query;
  /** What is downloaded, for screen readers: `Tải danh sách … dạng PDF`. */
  what: string;
  formats?: readonly ExportFormat[];
}

/** One button per format; each starts the streamed download at once. */
export function DownloadButtons({
  path,
  query = {},
  what,
  formats = ['xlsx', 'csv', 'pdf'],
}: DownloadButtonsProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await startDownload(path, { ...query, format });
      message.success(`Đang tải ${what} (${FORMAT_LABELS[format]})`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space.Compact>
      {formats.map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={busy === format}
          aria-label={`Tải ${what} dạng ${FORMAT_LABELS[format]}`}
          onClick={() => void download(format)}
        >
          {FORMAT_LABELS[format]}
        </Button>
      ))}
    </Space.Compact>
  );
}
