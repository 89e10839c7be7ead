import { boundErrorBody, MAX_DETAIL_TEXT, MAX_ERROR_DETAILS } from './error-bounds';

describe('boundErrorBody', () => {
  const base = { statusCode: 422, code: 'IMPORT_REJECTED' as const, message: '3 problem(s)' };

  it('leaves a small answer as it is', () => {
    const body = { ...base, details: [{ row: 2, column: 'A1', message: 'must be a number' }] };
    expect(boundErrorBody(body)).toEqual(body);
    expect(boundErrorBody({ ...base, details: { runId: 3 } })).toEqual({
      ...base,
      details: { runId: 3 },
    });
  });

  it('keeps the first details and says how many were left out', () => {
    const details = Array.from({ length: MAX_ERROR_DETAILS + 250 }, (_, row) => ({ row }));
    const bounded = boundErrorBody({ ...base, details });
    expect(bounded.details).toHaveLength(MAX_ERROR_DETAILS);
    expect((bounded.details as unknown[])[0]).toEqual({ row: 0 });
    expect(bounded.message).toBe('3 problem(s) (1000 listed, 250 more left out)');
  });

  it('cuts long texts in the message and in the details', () => {
    const bounded = boundErrorBody({
      ...base,
      message: 'x'.repeat(5000),
      details: [{ field: 'y'.repeat(5000), message: 'ok' }],
    });
    expect(bounded.message).toHaveLength(1000);
    expect(bounded.message.endsWith('…')).toBe(true);
    const [detail] = bounded.details as { field: string; message: string }[];
    expect(detail.field).toHaveLength(MAX_DETAIL_TEXT);
    expect(detail.message).toBe('ok');
  });
});
