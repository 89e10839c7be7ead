import { createServer, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExportRow, ExportTable } from './export-table';
import { nominationColumns } from './nomination-columns';
import { sendExport } from './send-export';
import { endlessRows } from './testing/endless-rows';
import { asAsync, nominationRows } from './testing/sample-table';

type Handler = (response: ServerResponse) => Promise<void>;

/** A plain HTTP server whose one route runs `handler`; the outcome of each call is kept. */
async function serve(handler: Handler) {
  const outcomes: Promise<unknown>[] = [];
  const server: Server = createServer((_request, response) => {
    outcomes.push(
      handler(response).then(
        () => 'resolved',
        (error: Error) => {
          if (!response.headersSent) {
            response.statusCode = 500;
            response.setHeader('Content-Type', 'application/json');
            response.end(JSON.stringify({ message: error.message }));
          }
          return error;
        },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { server, url, outcomes };
}

function table(rows: ExportTable['rows']): ExportTable {
  return {
    title: 'Danh sách đề nghị khen thưởng',
    columns: nominationColumns('person'),
    rows,
    fileName: 'Danh sách đề nghị khen thưởng 2025',
  };
}

function fetchAll(url: string): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('sendExport', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('sends the file as an attachment with its content type and Vietnamese file name', async () => {
    const rows = nominationRows(3);
    const app = await serve((res) => sendExport(res, 'csv', table(asAsync(rows))));
    server = app.server;
    const { response, body } = await fetchAll(app.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="Danh_sach_de_nghi_khen_thuong_2025.csv"; ' +
        `filename*=UTF-8''${encodeURIComponent('Danh sách đề nghị khen thưởng 2025.csv')}`,
    );
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain('Đặng Văn Đức');
    expect(await app.outcomes[0]).toBe('resolved');
  });

  it.each([
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
    ['pdf', 'application/pdf', '%PDF'],
  ] as const)('sends %s with its content type', async (format, contentType, magic) => {
    const app = await serve((res) => sendExport(res, format, table(asAsync(nominationRows(2)))));
    server = app.server;
    const { response, body } = await fetchAll(app.url);
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers['content-disposition']).toContain(`.${format}"`);
    expect(body.subarray(0, magic.length).toString('latin1')).toBe(magic);
  });

  it('stops pulling rows and closes the source when the client disconnects', async () => {
    const { state, rows } = endlessRows();
    const app = await serve((res) => sendExport(res, 'csv', table(rows)));
    server = app.server;
    await new Promise<void>((resolve) => {
      const request = get(app.url, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', () => undefined);
    });
    await expect(app.outcomes[0]).resolves.toBe('resolved');
    expect(state.closed).toBe(true);
    const pulled = state.pulled;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.pulled).toBe(pulled);
  });

  it('fails before any header when the first row cannot be read, so the error body is normal', async () => {
    const failing = (): AsyncIterable<ExportRow> => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('query failed')) }),
    });
    const app = await serve((res) => sendExport(res, 'pdf', table(failing())));
    server = app.server;
    const { response, body } = await fetchAll(app.url);
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(body.toString())).toEqual({ message: 'query failed' });
  });

  it('breaks the download when a later row fails, so no truncated file looks complete', async () => {
    async function* failingLater(): AsyncGenerator<ExportRow> {
      yield* nominationRows(50);
      throw new Error('connection lost');
    }
    const app = await serve((res) => sendExport(res, 'csv', table(failingLater())));
    server = app.server;
    await expect(fetchAll(app.url)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
    const outcome = await app.outcomes[0];
    expect((outcome as Error).message).toBe('connection lost');
  });
});
