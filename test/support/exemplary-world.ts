import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { pdfPageTexts } from '../../libs/exports/src/testing/pdf-text';
import type { TestApp } from './test-app';
import type { World } from './world';

// A year of approved evaluations built through the API, shaped so that each check of SPEC §7
// fails for someone: used by the exemplary, nominations and reports e2e files. Run the app with
// CANDIDATE_SHARE_PERSON=0.5 (8 people in agency A → the top 4 ranks lead).

export const EXEMPLARY_ENV = { CANDIDATE_SHARE_PERSON: '0.5' };
export const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

export interface ExemplaryWorld {
  /** Names → person ids, in agency A unless said. */
  people: Record<
    'hoa' | 'cuong' | 'dung' | 'an' | 'em' | 'bao' | 'khanh' | 'linh' | 'binhB',
    number
  >;
  personSetId: number;
  agencySetId: number;
}

let sequence = 0;
const unique = (prefix: string) =>
  `${prefix}${process.pid.toString(36)}${(++sequence).toString(36)}`.toUpperCase();

export async function buildExemplaryWorld(t: TestApp, w: World): Promise<ExemplaryWorld> {
  const admin = w.tokens.admin;
  const call = async (method: 'post' | 'get', path: string, body: object = {}) => {
    const request = t.http()[method](path).set('Authorization', admin);
    const response = method === 'post' ? await request.send(body) : await request;
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const publish = async (body: object) => {
    const set = await call('post', '/api/criteria-sets', body);
    await call('post', `/api/criteria-sets/${set.id}/publish`);
    return set.id as number;
  };
  // Total = S + I points + Q points, out of 100: I loses a point per incident (not
  // disqualifying); Q false disqualifies.
  const personSetId = await publish({
    code: unique('EX'),
    name: 'Bộ tiêu chí gương điển hình',
    target: 'person',
    thresholds: { A: 90, B: 75, C: 50 },
    criteria: [
      { code: 'S', name: 'Thực hiện nhiệm vụ', kind: 'score', maxPoints: 80 },
      {
        code: 'I',
        name: 'Phản ánh của công dân',
        kind: 'count',
        maxPoints: 10,
        penaltyPerUnit: 1,
        fromIncidents: true,
      },
      { code: 'Q', name: 'Đeo thẻ công chức', kind: 'boolean', maxPoints: 10, disqualifying: true },
    ],
  });
  const agencySetId = await publish({
    code: unique('EXA'),
    name: 'Bộ tiêu chí cơ quan',
    target: 'agency',
    criteria: [{ code: 'S', name: 'Điểm', kind: 'score', maxPoints: 100 }],
  });
  const person = async (fullName: string, agencyId: number, unitId: number, position: string) =>
    (
      await call('post', '/api/people', {
        employeeCode: unique('EP'),
        fullName,
        position,
        category: 'civil_servant',
        agencyId,
        unitId,
      })
    ).id as number;
  const people = {
    hoa: w.personA.id,
    cuong: await person('Phạm Minh Cường', w.agencyA.id, w.unitA.id, 'Chuyên viên'),
    dung: await person('Đỗ Thị Dung', w.agencyA.id, w.unitA.id, 'Chuyên viên chính'),
    an: await person('Lê Văn An', w.agencyA.id, w.unitA.id, 'Phó trưởng phòng'),
    em: await person('Vũ Văn Em', w.agencyA.id, w.unitA.id, 'Chuyên viên'),
    bao: await person('Trịnh Quốc Bảo', w.agencyA.id, w.unitA.id, 'Chuyên viên'),
    khanh: await person('Ngô Thị Khánh', w.agencyA.id, w.unitA.id, 'Cán sự'),
    linh: await person('Bùi Thị Linh', w.agencyA.id, w.unitA.id, 'Nhân viên'),
    binhB: w.personB.id,
  };
  const approve = async (
    subjectType: 'person' | 'agency',
    subjectId: number,
    period: string,
    values: Record<string, number | boolean>,
    incidentOn?: string,
  ) => {
    const evaluation = await call('post', '/api/evaluations', {
      subjectType,
      subjectId,
      period,
      values,
    });
    if (incidentOn) {
      await call('post', '/api/incidents', {
        subjectType,
        subjectId,
        criterionCode: 'I',
        occurredOn: incidentOn,
        note: 'Công dân phản ánh thái độ',
      });
    }
    await call('post', `/api/evaluations/${evaluation.id}/submit`);
    await call('post', `/api/evaluations/${evaluation.id}/approve`);
  };
  const full = { S: 80, Q: true };
  for (const [index, quarter] of QUARTERS.entries()) {
    await approve('person', people.hoa, quarter, full); // 100
    if (index < 3) await approve('person', people.cuong, quarter, full); // 100, Q4 missing
    // 99 in Q2 (one incident), else 100 → 99.75
    await approve('person', people.dung, quarter, full, index === 1 ? '2025-05-10' : undefined);
    await approve('person', people.an, quarter, { S: 79.5, Q: true }); // 99.5
    await approve('person', people.em, quarter, { S: 80, Q: index !== 0 }); // 97.5, disqualified
    await approve('person', people.bao, quarter, { S: 75, Q: true }); // 95
    await approve('person', people.khanh, quarter, { S: 65, Q: true }); // 85 → B
    await approve('person', people.linh, quarter, { S: 60, Q: true }); // 80 → B
    await approve('person', people.binhB, quarter, full); // 100, alone in agency B
    await approve('agency', w.agencyA.id, quarter, { S: 95 });
    await approve('agency', w.agencyB.id, quarter, { S: 92 });
  }
  return { people, personSetId, agencySetId };
}

/** Runs a roll-up as admin and waits for its run to succeed (GET /rollups/runs). */
export async function rollUp(t: TestApp, admin: string, period: string): Promise<void> {
  const started = await t.http().post('/api/rollups').set('Authorization', admin).send({ period });
  if (started.status !== 202) throw new Error(`rollup ${period}: ${JSON.stringify(started.body)}`);
  for (let attempt = 0; attempt < 300; attempt++) {
    const runs = await t
      .http()
      .get(`/api/rollups/runs?period=${period}`)
      .set('Authorization', admin);
    const run = (runs.body.items as { id: number; status: string; error: string | null }[]).find(
      (item) => item.id === started.body.id,
    );
    if (run?.status === 'succeeded') return;
    if (run?.status === 'failed') throw new Error(`rollup ${period} failed: ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`rollup ${period} did not finish`);
}

/** GET a file as a Buffer (supertest leaves binary bodies unparsed otherwise). */
export async function download(t: TestApp, path: string, token: string) {
  return t
    .http()
    .get(path)
    .set('Authorization', token)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

/** The rows of the first sheet of an XLSX file, as arrays of cell values (column A first). */
export async function xlsxRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** A CSV export: checks its byte-order mark and returns its records. */
export function csvRecords(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(body.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
}

/** The text of a PDF export, all pages joined. */
export async function pdfText(body: Buffer): Promise<string> {
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dir = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    await writeFile(file, body);
    return (await pdfPageTexts(file)).join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
