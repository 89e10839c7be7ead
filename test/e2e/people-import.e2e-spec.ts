import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

describe('POST /people/import', () => {
  let t: TestApp;
  let w: World;
  let codeA: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    codeA = w.agencyA.code;
  });
  afterAll(() => t.close());

  const upload = (
    who: keyof World['tokens'],
    content: Buffer | string,
    name = 'people.csv',
    query = '',
  ) =>
    t
      .http()
      .post(`/api/people/import${query}`)
      .set('Authorization', w.tokens[who])
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);

  const count = async () =>
    (await t.http().get('/api/people?limit=1').set('Authorization', w.tokens.admin)).body.total;

  it('creates people from a CSV with a BOM and Vietnamese names, then finds them without diacritics', async () => {
    const csv = `\uFEFFemployeeCode,fullName,category,position,partyMember,unitCode\nIMP-1,Đỗ Thị Ánh,civil_servant,Chuyên viên,true,MOTCUA\nIMP-2,"Trần Quốc Bảo, Jr",worker,,false,\n`;
    const response = await upload('hrA', csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2, updated: 0, rejected: [] });
    const found = await t.http().get('/api/people?q=do thi anh').set('Authorization', w.tokens.hrA);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      fullName: 'Đỗ Thị Ánh',
      agencyId: w.agencyA.id,
      unitId: w.unitA.id,
      partyMember: true,
    });
  });

  it('updates people by employee code from an XLSX whose headers carry Vietnamese labels and codes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nhân sự');
    sheet.addRow(['Danh sách nhân sự']);
    sheet.addRow(['Mã nhân viên [employeeCode]', 'Họ và tên [fullName]', 'Chức vụ [position]']);
    sheet.addRow(['IMP-1', 'Đỗ Thị Ánh Tuyết', 'Phó Trưởng phòng']);
    const response = await upload(
      'admin',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'people.xlsx',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 0, updated: 1 });
    const found = await t
      .http()
      .get('/api/people?q=anh tuyet')
      .set('Authorization', w.tokens.admin);
    expect(found.body.items[0]).toMatchObject({
      fullName: 'Đỗ Thị Ánh Tuyết',
      position: 'Phó Trưởng phòng',
    });
  });

  it('refuses the whole file with 422 listing every bad row, and writes nothing', async () => {
    const before = await count();
    const csv = [
      'employeeCode,fullName,category,agencyCode',
      'OK-1,Lê Văn Tốt,worker,',
      'BAD-1,,worker,',
      'BAD-2,Lê Văn Sai,boss,',
      'OK-1,Lặp Lại,worker,',
      `BAD-3,Ngoài Cơ Quan,worker,${w.agencyB.code}`,
    ].join('\n');
    const response = await upload('hrA', csv);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_REJECTED');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'fullName', message: expect.any(String) },
        { row: 4, column: 'category', message: expect.any(String) },
        { row: 5, column: 'employeeCode', message: expect.stringContaining('twice') },
        { row: 6, column: 'employeeCode', message: expect.stringContaining('another agency') },
      ]),
    );
    expect(await count()).toBe(before);
  });

  it('writes the good rows and lists the bad ones with mode=partial', async () => {
    const before = await count();
    const csv =
      'employeeCode,fullName,category\nPART-1,Vũ Thị Một,worker\nPART-2,Vũ Thị Hai,nobody\n';
    const response = await upload('hrA', csv, 'people.csv', '?mode=partial');
    expect(response.status).toBe(200);
    expect(response.body.created).toBe(1);
    expect(response.body.rejected).toEqual([
      { row: 3, column: 'category', message: expect.any(String) },
    ]);
    expect(await count()).toBe(before + 1);
  });

  it('reports an unknown column', async () => {
    const response = await upload(
      'admin',
      `employeeCode,fullName,category,agencyCode,salary\nX-1,A B,worker,${codeA},1\n`,
    );
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { row: 1, column: 'salary', message: 'unknown column salary' },
    ]);
  });

  it.each([
    ['no file', null],
    ['an empty file', ''],
    ['a file without the key column', 'name,category\nA,worker\n'],
  ])('answers %s with 400', async (_name, content) => {
    const response =
      content === null
        ? await t.http().post('/api/people/import').set('Authorization', w.tokens.admin)
        : await upload('admin', content);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a broken XLSX with 400, and a bad mode with 400', async () => {
    expect((await upload('admin', Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx')).status).toBe(
      400,
    );
    expect((await upload('admin', 'employeeCode\nA\n', 'x.csv', '?mode=some')).status).toBe(400);
  });

  it.each(['headA', 'nominatorA', 'inspector', 'nominatorCity'] as const)(
    'refuses %s with 403',
    async (who) => {
      const before = await count();
      const response = await upload(
        who,
        'employeeCode,fullName,category\nNO-1,Không Được,worker\n',
      );
      expect(response.status).toBe(403);
      expect(await count()).toBe(before);
    },
  );

  it('reports a code that differs from an existing one only in letter case as a bad row', async () => {
    expect(
      (await upload('hrA', 'employeeCode,fullName,category\nCASE-1,Hà Văn Một,worker\n')).status,
    ).toBe(200);
    const before = await count();
    const response = await upload(
      'hrA',
      'employeeCode,fullName,category\ncase-1,Hà Văn Hai,worker\n',
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'IMPORT_REJECTED',
      details: [
        {
          row: 2,
          column: 'employeeCode',
          message: 'case-1 differs only in letter case from the existing code CASE-1',
        },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('reports the same code twice in a file, whatever its case, naming both rows', async () => {
    const before = await count();
    const response = await upload(
      'hrA',
      'employeeCode,fullName,category\nTWICE-1,Lý Thị Ba,worker\ntwice-1,Lý Thị Bốn,worker\n',
    );
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { row: 3, column: 'employeeCode', message: 'twice-1 appears twice in the file (row 2)' },
    ]);
    expect(await count()).toBe(before);
  });
});
