import ExcelJS from 'exceljs';
import { publishSet, workedExampleSet } from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

const PERIOD = '2025-Q2';

describe('evaluation import and template', () => {
  let t: TestApp;
  let w: World;
  let codeA: string;
  let codeB: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await publishSet(t, w.tokens.admin, workedExampleSet('IMPORT-P'));
    await publishSet(t, w.tokens.admin, workedExampleSet('IMPORT-A', 'agency'));
    codeA = (await t.http().get(`/api/people/${w.personA.id}`).set('Authorization', w.tokens.admin))
      .body.employeeCode;
    codeB = (await t.http().get(`/api/people/${w.personB.id}`).set('Authorization', w.tokens.admin))
      .body.employeeCode;
  });
  afterAll(() => t.close());

  const upload = (
    who: keyof World['tokens'],
    content: Buffer | string,
    query = `?period=${PERIOD}`,
    name = 'phieu.csv',
  ) =>
    t
      .http()
      .post(`/api/evaluations/import${query}`)
      .set('Authorization', w.tokens[who])
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);

  const evaluations = async (period = PERIOD) =>
    (
      await t
        .http()
        .get(`/api/evaluations?period=${period}&limit=500`)
        .set('Authorization', w.tokens.admin)
    ).body;

  async function addPerson(code: string, fullName: string) {
    const response = await t.http().post('/api/people').set('Authorization', w.tokens.admin).send({
      employeeCode: code,
      fullName,
      category: 'civil_servant',
      agencyId: w.agencyA.id,
      unitId: w.unitA.id,
    });
    return response.body.id as number;
  }

  it('refuses the whole file with 422 listing every bad row, and writes nothing', async () => {
    await addPerson('IMP-OTHER-OK', 'Lê Thị Tốt');
    const csv = [
      'employeeCode,fullName,A1,A2,A3,A4,B1',
      'IMP-OTHER-OK,Lê Thị Tốt,true,60,,50,3',
      'NO-SUCH-CODE,Không Có,true,60,,50,3',
      `${codeA},Nguyễn Thị Hoà,maybe,101,,56,3`,
      `${codeA},Lặp lại,true,60,,50,3`,
      `${codeB},Người cơ quan khác,true,60,,50,3`,
      'IMP-OTHER-OK,,true,60,2,50,3',
    ].join('\n');
    const response = await upload('hrA', csv);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_REJECTED');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        {
          row: 3,
          column: 'employeeCode',
          message: 'unknown employee code NO-SUCH-CODE in your agency',
        },
        { row: 4, column: 'A1', message: expect.any(String) },
        { row: 4, column: 'A2', message: expect.any(String) },
        { row: 4, column: 'A4', message: expect.any(String) },
        { row: 5, column: 'employeeCode', message: expect.stringContaining('twice') },
        // A code of another agency reads as unknown: nothing tells agency A what B has.
        {
          row: 6,
          column: 'employeeCode',
          message: `unknown employee code ${codeB} in your agency`,
        },
        { row: 7, column: 'employeeCode', message: expect.stringContaining('twice') },
        { row: 7, column: 'A3', message: expect.stringContaining('incidents') },
      ]),
    );
    expect((await evaluations()).total).toBe(0);
  });

  it('creates drafts scored by the SPEC rules, then updates them on a second import', async () => {
    const first = await upload(
      'hrA',
      `employeeCode,fullName,A1,A2,A4,B1\n${codeA},Nguyễn Thị Hoà,true,60,50,3\n`,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 1, updated: 0, rejected: [] });
    const [created] = (await evaluations()).items;
    expect(created).toMatchObject({
      subjectId: w.personA.id,
      status: 'draft',
      total: 93,
      grade: 'A',
      disqualified: false,
    });
    // Decimal comma, and an empty cell that leaves the value as it was.
    const second = await upload('hrA', `employeeCode;A1;A2;A4;B1\n${codeA};;60;45,5;\n`);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: 0, updated: 1 });
    const updated = (
      await t.http().get(`/api/evaluations/${created.id}`).set('Authorization', w.tokens.hrA)
    ).body;
    expect(updated.version).toBe(created.version + 1);
    expect(updated.items.find((item: { code: string }) => item.code === 'A4').value).toBe(45.5);
    expect(updated.items.find((item: { code: string }) => item.code === 'B1').value).toBe(3);
    const audit = await t
      .http()
      .get(`/api/audit?entity=evaluation&entityId=${created.id}&action=import`)
      .set('Authorization', w.tokens.admin);
    expect(audit.body.total).toBe(2);
  });

  it('treats a submitted evaluation as a bad row; mode=partial writes the good rows and lists the bad', async () => {
    const other = await addPerson('IMP-PARTIAL', 'Phạm Văn Phần');
    const [existing] = (await evaluations()).items.filter(
      (e: { subjectId: number }) => e.subjectId === w.personA.id,
    );
    const submit = await t
      .http()
      .post(`/api/evaluations/${existing.id}/submit`)
      .set('Authorization', w.tokens.hrA)
      .send({});
    expect(submit.status).toBe(200);
    const csv = `employeeCode,A1,A2,A4\n${codeA},true,70,50\nIMP-PARTIAL,false,80,55\n`;
    expect((await upload('hrA', csv)).status).toBe(422);
    const partial = await upload('hrA', csv, `?period=${PERIOD}&mode=partial`);
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ created: 1, updated: 0 });
    expect(partial.body.rejected).toEqual([
      { row: 2, column: 'employeeCode', message: expect.stringContaining('submitted') },
    ]);
    const mine = (await evaluations()).items.find(
      (e: { subjectId: number }) => e.subjectId === other,
    );
    // A1 0 + A2 20 + A3 15 (no incident) + A4 55 = 90 of 100 base points.
    expect(mine).toMatchObject({ status: 'draft', total: 90, grade: 'A' });
  });

  it('imports agency evaluations by agencyCode for an inspector, from XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cơ quan');
    sheet.addRow(['Phiếu đánh giá cơ quan']);
    sheet.addRow([
      'Mã cơ quan [agencyCode]',
      'Tên cơ quan [agencyName]',
      'Đeo thẻ [A1]',
      'Hồ sơ đúng hạn [A2]',
      'Nhiệm vụ [A4]',
    ]);
    sheet.addRow([w.agencyB.code, 'Sở Nội vụ thử', true, 80, 55]);
    const response = await upload(
      'inspector',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      `?period=${PERIOD}`,
      'coquan.xlsx',
    );
    expect(response.status).toBe(200);
    expect(response.body.created).toBe(1);
    const agencyEvaluation = (await evaluations()).items.find(
      (e: { subjectType: string }) => e.subjectType === 'agency',
    );
    expect(agencyEvaluation).toMatchObject({ subjectId: w.agencyB.id, total: 100, grade: 'A' });
    // An hr officer may not import agency evaluations, an inspector not people's.
    expect((await upload('hrA', `agencyCode,A1\n${w.agencyA.code},true\n`)).status).toBe(403);
    expect((await upload('inspector', `employeeCode,A1\n${codeA},true\n`)).status).toBe(403);
  });

  it('reports unknown columns and refuses a closed quarter with 409 PERIOD_CLOSED', async () => {
    const unknown = await upload('hrA', `employeeCode,A1,Z9\n${codeA},true,1\n`, '?period=2025-Q3');
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toEqual([
      { row: 1, column: 'Z9', message: expect.stringContaining('unknown column') },
    ]);
    expect(
      (
        await t
          .http()
          .post('/api/periods/2025-Q4/close')
          .set('Authorization', w.tokens.admin)
          .send({})
      ).status,
    ).toBe(200);
    const closed = await upload('hrA', `employeeCode,A1\n${codeA},true\n`, '?period=2025-Q4');
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('PERIOD_CLOSED');
    expect((await evaluations('2025-Q4')).total).toBe(0);
  });

  it.each([
    ['', 'period'],
    ['?period=2025-H1', 'period'],
    [`?period=${PERIOD}&mode=maybe`, 'mode'],
  ])('rejects the query %s with 400', async (query, field) => {
    const response = await upload('hrA', `employeeCode,A1\n${codeA},true\n`, query);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
  });

  it.each(['headA', 'nominatorA', 'nominatorCity'] as const)(
    'refuses %s with 403 and writes nothing',
    async (who) => {
      const before = (await evaluations('2025-Q1')).total;
      expect(
        (await upload(who, `employeeCode,A1\n${codeA},true\n`, '?period=2025-Q1')).status,
      ).toBe(403);
      expect((await evaluations('2025-Q1')).total).toBe(before);
    },
  );

  it('gives an XLSX template with the agency people and a column per typed criterion, that imports back', async () => {
    const response = await t
      .http()
      .get(`/api/evaluations/import-template?period=${PERIOD}`)
      .set('Authorization', w.tokens.hrA)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(3).values as string[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        'Mã nhân viên [employeeCode]',
        'Họ và tên [fullName]',
        expect.stringContaining('[A1]'),
        expect.stringContaining('[B1]'),
      ]),
    );
    expect(header.some((cell) => cell.includes('[A3]'))).toBe(false);
    const names: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 3) names.push(String(row.getCell(3).value));
    });
    expect(names).toEqual(expect.arrayContaining(['Nguyễn Thị Hoà', 'Phạm Văn Phần']));
    expect(names).not.toContain('Trần Văn Bình');
    // Fill it in for another quarter and send it back.
    sheet.eachRow((row, number) => {
      if (number > 3) {
        row.getCell(5).value = true;
      }
    });
    const back = await upload(
      'hrA',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      '?period=2026-Q1',
      'mau.xlsx',
    );
    expect(back.status).toBe(200);
    expect(back.body.created).toBe(names.length);
  });

  it('refuses a template of another agency with 403 and a bad period with 400', async () => {
    expect(
      (
        await t
          .http()
          .get(`/api/evaluations/import-template?period=${PERIOD}&agencyId=${w.agencyB.id}`)
          .set('Authorization', w.tokens.hrA)
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .get('/api/evaluations/import-template?period=2025')
          .set('Authorization', w.tokens.hrA)
      ).status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .get(`/api/evaluations/import-template?period=${PERIOD}`)
          .set('Authorization', w.tokens.headA)
      ).status,
    ).toBe(403);
  });

  it('gives the agency template (every agency values, drafts too) only to editors of agency evaluations', async () => {
    const template = (who: keyof World['tokens']) =>
      t
        .http()
        .get(`/api/evaluations/import-template?period=${PERIOD}&subjectType=agency`)
        .set('Authorization', w.tokens[who]);
    for (const who of ['hrA', 'headA', 'nominatorA', 'nominatorCity'] as const) {
      const response = await template(who);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    for (const who of ['inspector', 'admin'] as const)
      expect((await template(who)).status).toBe(200);
  });

  it("checks the evaluation's agency, not the one its person moved to, and tells nothing of it", async () => {
    const period = '2025-Q1';
    const moved = await addPerson('IMP-MOVED', 'Vũ Thị Chuyển');
    expect(
      (await upload('hrA', 'employeeCode,A4\nIMP-MOVED,40\n', `?period=${period}`)).status,
    ).toBe(200);
    const before = (await evaluations(period)).items.find(
      (e: { subjectId: number }) => e.subjectId === moved,
    );
    expect(before).toMatchObject({ agencyId: w.agencyA.id, status: 'draft' });
    const transfer = await t
      .http()
      .post(`/api/people/${moved}/transfer`)
      .set('Authorization', w.tokens.admin)
      .send({ agencyId: w.agencyB.id });
    expect(transfer.status).toBe(200);

    // B's officer may not change A's evaluation, by PATCH or by import, nor learn its status.
    const patch = await t
      .http()
      .patch(`/api/evaluations/${before.id}`)
      .set('Authorization', w.tokens.hrB)
      .send({ version: before.version, values: { A4: 55 } });
    expect(patch.status).toBe(403);
    const imported = await upload('hrB', 'employeeCode,A4\nIMP-MOVED,55\n', `?period=${period}`);
    expect(imported.status).toBe(422);
    expect(imported.body.details).toEqual([
      {
        row: 2,
        column: 'employeeCode',
        message: `the ${period} evaluation of IMP-MOVED belongs to another agency`,
      },
    ]);
    const after = (await evaluations(period)).items.find(
      (e: { subjectId: number }) => e.subjectId === moved,
    );
    expect(after).toMatchObject({ version: before.version, total: before.total });

    // A's officer still finishes it, as PATCH allows, though the person has left A.
    const finished = await upload('hrA', 'employeeCode,A4\nIMP-MOVED,50\n', `?period=${period}`);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ created: 0, updated: 1 });
    // A person of A reads as unknown to B, exactly as a code that exists nowhere.
    const unknown = await upload('hrB', `employeeCode,A4\n${codeA},50\n`, '?period=2025-Q3');
    expect(unknown.body.details).toEqual([
      {
        row: 2,
        column: 'employeeCode',
        message: `unknown employee code ${codeA} in your agency`,
      },
    ]);
  });
});
