import { endIdleUploadWorkers, parseUpload } from './parse-upload';
import { PARSE_LIMITS } from './upload-limits';

describe('parseUpload', () => {
  afterAll(() => endIdleUploadWorkers());

  const csv = Buffer.from('Danh sách\nemployeeCode,fullName\nNV1,An\n\nNV2,Bình\n');

  it('reads a file in a worker thread into coded columns and numbered rows', async () => {
    await expect(parseUpload(csv, false, ['employeeCode'])).resolves.toEqual({
      columns: ['employeeCode', 'fullName'],
      headerRow: 2,
      rows: [
        { row: 3, cells: { employeeCode: 'NV1', fullName: 'An' } },
        { row: 5, cells: { employeeCode: 'NV2', fullName: 'Bình' } },
      ],
    });
  }, 60_000);

  it('refuses a file whose worker runs out of memory, and reads the next one', async () => {
    const heapMb = PARSE_LIMITS.heapMb;
    await endIdleUploadWorkers();
    // A worker with a 4 MB heap cannot even load its reader: the same death as a runaway file's.
    PARSE_LIMITS.heapMb = 4;
    try {
      await expect(parseUpload(csv, false, ['employeeCode'])).rejects.toThrow(
        'needs more memory to read than an upload may use',
      );
    } finally {
      PARSE_LIMITS.heapMb = heapMb;
    }
    await endIdleUploadWorkers();
    await expect(parseUpload(csv, false, ['employeeCode'])).resolves.toMatchObject({
      headerRow: 2,
    });
  }, 60_000);
});
