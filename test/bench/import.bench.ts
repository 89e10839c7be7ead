import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, vietnameseName } from '@app/demo';
import { apiClient, freshDatabase, startApi } from './api-process';
import type { BenchResult } from './report';

const ROWS = 10_000;

interface CriterionJson {
  code: string;
  kind: string;
  maxPoints: number;
  fromIncidents?: boolean;
}

/** A 10,000-row evaluation XLSX imported over HTTP on MariaDB (target: under 10 s). */
export async function benchImport(): Promise<BenchResult[]> {
  const database = await freshDatabase('thidua_bench_import');
  const api = await startApi(database.url, 3901);
  try {
    const client = await apiClient(api.url);
    const agency = await client.call('POST', '/api/agencies', {
      code: 'BENCH',
      name: 'Sở Thử nghiệm',
    });
    const random = seededRandom(11);
    const codes = Array.from({ length: ROWS }, (_, i) => `B${String(i + 1).padStart(5, '0')}`);
    const peopleCsv = [
      'employeeCode,fullName,category,agencyCode',
      ...codes.map((code) => `${code},${vietnameseName(random)},civil_servant,BENCH`),
    ].join('\n');
    let started = performance.now();
    const people = await client.upload('/api/people/import', Buffer.from(peopleCsv), 'people.csv');
    const peopleSeconds = (performance.now() - started) / 1000;
    const set = JSON.parse(
      readFileSync(join(__dirname, '../../config/criteria/person.json'), 'utf8'),
    ) as { criteria: CriterionJson[] };
    const created = await client.call('POST', '/api/criteria-sets', set);
    await client.call('POST', `/api/criteria-sets/${created.id}/publish`, {});
    const typed = set.criteria.filter((c) => !c.fromIncidents);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phiếu');
    sheet.addRow(['employeeCode', ...typed.map((c) => c.code)]);
    for (const code of codes) {
      sheet.addRow([
        code,
        ...typed.map((c) =>
          c.kind === 'boolean'
            ? random() < 0.9
            : c.kind === 'percentage'
              ? Math.round(random() * 100)
              : c.kind === 'count'
                ? 0
                : Math.round(random() * c.maxPoints * 100) / 100,
        ),
      ]);
    }
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    started = performance.now();
    const outcome = await client.upload(
      '/api/evaluations/import?period=2025-Q1',
      file,
      'phieu.xlsx',
    );
    const seconds = (performance.now() - started) / 1000;
    void agency;
    return [
      {
        name: `import: ${ROWS.toLocaleString('en')}-row evaluation XLSX over HTTP (MariaDB)`,
        value: `${seconds.toFixed(2)} s`,
        target: '< 10 s',
        met: seconds < 10 && outcome.created === ROWS,
        note: `created ${outcome.created}, file ${(file.length / 1024).toFixed(0)} KiB; API peak RSS ${api.peakRssMb().toFixed(0)} MB`,
      },
      {
        name: `import: ${ROWS.toLocaleString('en')}-row people CSV over HTTP (MariaDB)`,
        value: `${peopleSeconds.toFixed(2)} s`,
        note: `created ${people.created}`,
      },
    ];
  } finally {
    await api.stop();
    await database.drop();
  }
}
