import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  Actor,
  AuditEntry,
  AuditWriter,
  badRowNumbers,
  Cell,
  ImportMode,
  ImportOutcome,
  ImportProblem,
  isCityWide,
  readUploadedTable,
  refuseIfAllOrNothing,
  Transactions,
  UploadedFile,
  UploadedRow,
} from '@app/core';
import { AgencyEntity } from '../agencies/agency.entity';
import { UnitEntity } from '../units/unit.entity';
import {
  PERSON_CATEGORIES,
  PersonCategory,
  PersonEntity,
  PersonSearchTermEntity,
} from './person.entity';
import { personView } from './people.service';
import { searchTermsOf } from './search-terms';
import { RECORD_CODE, RECORD_CODE_RULE } from '../record-code';

const COLUMNS = [
  'employeeCode',
  'fullName',
  'position',
  'category',
  'partyMember',
  'agencyCode',
  'unitCode',
] as const;
const CHUNK = 500;

interface PersonRow {
  row: number;
  employeeCode: string;
  fullName: string | null;
  position: string | null | undefined;
  category: PersonCategory | undefined;
  partyMember: boolean | undefined;
  agencyId: number;
  unitId: number | null | undefined;
}

function text(cell: Cell | undefined): string | null {
  return cell === null || cell === undefined ? null : String(cell).trim() || null;
}

function parseBoolean(cell: Cell | undefined): boolean | undefined | 'bad' {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'boolean') return cell;
  const value = String(cell).trim().toLowerCase();
  if (['true', '1', 'x', 'có', 'co', 'yes'].includes(value)) return true;
  if (['false', '0', 'không', 'khong', 'no'].includes(value)) return false;
  return 'bad';
}

/** The key two codes share when they differ only in letter case. */
function codeKey(code: string): string {
  return code.toUpperCase();
}

/**
 * The people whose code equals one of `codes` ignoring letter case, by codeKey, in chunks. MariaDB
 * compares codes without case already (and uses the unique index); SQLite is asked to.
 */
async function peopleByCodeIgnoringCase(
  manager: EntityManager,
  codes: string[],
): Promise<Map<string, PersonEntity>> {
  const existing = new Map<string, PersonEntity>();
  const mysql = manager.connection.options.type === 'mysql';
  for (let start = 0; start < codes.length; start += CHUNK) {
    const chunk = codes.slice(start, start + CHUNK);
    const found = await manager
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where(
        mysql ? 'p.employeeCode IN (:...codes)' : 'p.employeeCode COLLATE NOCASE IN (:...codes)',
        { codes: chunk },
      )
      .getMany();
    found.forEach((person) => existing.set(codeKey(person.employeeCode), person));
  }
  return existing;
}

/** `POST /people/import`: creates or updates people by employee code, all-or-nothing or partial. */
@Injectable()
export class PeopleImportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  async import(
    actor: Actor,
    file: UploadedFile | undefined,
    mode: ImportMode,
  ): Promise<ImportOutcome> {
    const table = await readUploadedTable(file, ['employeeCode']);
    return this.transactions.run(async (manager) => {
      const problems: ImportProblem[] = table.columns
        .filter((column) => column !== '' && !(COLUMNS as readonly string[]).includes(column))
        .map((column) => ({ row: table.headerRow, column, message: `unknown column ${column}` }));
      const { rows, existing } = await this.checkRows(manager, actor, table.rows, problems);
      refuseIfAllOrNothing(mode, problems);
      const bad = badRowNumbers(problems);
      // An unknown column is reported and its cells ignored; the rows' own problems decide the rest.
      const good = rows.filter((row) => !bad.has(row.row));
      const outcome = await this.write(manager, actor, good, existing);
      return { mode, ...outcome, rejected: problems };
    });
  }

  private async checkRows(
    manager: EntityManager,
    actor: Actor,
    rows: UploadedRow[],
    problems: ImportProblem[],
  ): Promise<{ rows: PersonRow[]; existing: Map<string, PersonEntity> }> {
    const codes = rows
      .map((row) => text(row.cells.employeeCode))
      .filter((code): code is string => code !== null);
    const existing = await peopleByCodeIgnoringCase(manager, codes);
    const agencies = new Map(
      (await manager.getRepository(AgencyEntity).find()).map((agency) => [agency.code, agency]),
    );
    const units = await manager
      .getRepository(UnitEntity)
      .find({ select: { id: true, agencyId: true, code: true } });
    const unitOf = new Map(units.map((unit) => [`${unit.agencyId}:${unit.code}`, unit.id]));
    const seen = new Map<string, number>();
    const result: PersonRow[] = [];
    for (const { row, cells } of rows) {
      const problem = (column: string, message: string) => problems.push({ row, column, message });
      const before = problems.length;
      const employeeCode = text(cells.employeeCode);
      if (!employeeCode || !RECORD_CODE.test(employeeCode)) {
        problem('employeeCode', `must be ${RECORD_CODE_RULE}`);
        continue;
      }
      // Codes are one whatever their case (MariaDB's collation says so; SQLite is made to agree).
      const key = codeKey(employeeCode);
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problem('employeeCode', `${employeeCode} appears twice in the file (row ${earlier})`);
      else seen.set(key, row);
      const current = existing.get(key);
      if (current && current.employeeCode !== employeeCode) {
        problem(
          'employeeCode',
          `${employeeCode} differs only in letter case from the existing code ${current.employeeCode}`,
        );
        continue;
      }
      const agencyCode = text(cells.agencyCode);
      const agency = agencyCode ? agencies.get(agencyCode) : undefined;
      let agencyId = current?.agencyId ?? actor.agencyId ?? undefined;
      if (agencyCode && !agency) problem('agencyCode', `unknown agency ${agencyCode}`);
      if (agency) agencyId = agency.id;
      if (agencyId === undefined && !agencyCode)
        problem('agencyCode', 'is required for a new person');
      if (
        !isCityWide(actor) &&
        ((agencyId !== undefined && agencyId !== actor.agencyId) ||
          (current && current.agencyId !== actor.agencyId))
      ) {
        problem('employeeCode', 'belongs to another agency');
      }
      if (current && agency && current.agencyId !== agency.id)
        problem('agencyCode', 'use POST /people/:id/transfer to move a person');
      const fullName = text(cells.fullName);
      if (!current && !fullName) problem('fullName', 'is required for a new person');
      if (fullName && fullName.length > 255) problem('fullName', 'at most 255 characters');
      const category = text(cells.category);
      if (!current && !category) problem('category', 'is required for a new person');
      if (category && !(PERSON_CATEGORIES as readonly string[]).includes(category)) {
        problem('category', `must be one of ${PERSON_CATEGORIES.join(', ')}`);
      }
      const partyMember = parseBoolean(cells.partyMember);
      if (partyMember === 'bad') problem('partyMember', 'must be true or false');
      const unitCode = text(cells.unitCode);
      const unitId =
        unitCode && agencyId !== undefined ? unitOf.get(`${agencyId}:${unitCode}`) : undefined;
      if (unitCode && unitId === undefined)
        problem('unitCode', `no unit ${unitCode} in that agency`);
      const position = text(cells.position);
      if (position && position.length > 255) problem('position', 'at most 255 characters');
      if (problems.length > before || agencyId === undefined) continue;
      result.push({
        row,
        employeeCode,
        fullName,
        position: 'position' in cells ? position : undefined,
        category: (category ?? undefined) as PersonCategory | undefined,
        partyMember: partyMember === 'bad' ? undefined : partyMember,
        agencyId,
        unitId: unitCode ? (unitId ?? null) : undefined,
      });
    }
    return { rows: result, existing };
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    rows: PersonRow[],
    existing: Map<string, PersonEntity>,
  ): Promise<{ created: number; updated: number }> {
    const now = new Date();
    const people = manager.getRepository(PersonEntity);
    const audit: AuditEntry[] = [];
    const renamed: PersonEntity[] = [];
    const fresh = rows.filter((row) => !existing.has(codeKey(row.employeeCode)));
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const saved = await people.save(
        fresh.slice(start, start + CHUNK).map((row) =>
          people.create({
            employeeCode: row.employeeCode,
            fullName: row.fullName!,
            position: row.position ?? null,
            category: row.category!,
            partyMember: row.partyMember ?? false,
            agencyId: row.agencyId,
            unitId: row.unitId ?? null,
            active: true,
            createdAt: now,
            updatedAt: now,
          }),
        ),
      );
      renamed.push(...saved);
      saved.forEach((person) =>
        audit.push({
          action: 'import',
          entity: 'person',
          entityId: person.id,
          after: personView(person),
        }),
      );
    }
    const changed: PersonEntity[] = [];
    for (const row of rows.filter((r) => existing.has(codeKey(r.employeeCode)))) {
      const person = existing.get(codeKey(row.employeeCode))!;
      const before = personView(person);
      if (row.fullName && row.fullName !== person.fullName) {
        person.fullName = row.fullName;
        renamed.push(person);
      }
      if (row.position !== undefined) person.position = row.position;
      if (row.category) person.category = row.category;
      if (row.partyMember !== undefined) person.partyMember = row.partyMember;
      if (row.unitId !== undefined) person.unitId = row.unitId;
      person.updatedAt = now;
      changed.push(person);
      audit.push({
        action: 'import',
        entity: 'person',
        entityId: person.id,
        before,
        after: personView(person),
      });
    }
    if (changed.length) await people.save(changed, { chunk: CHUNK });
    await this.replaceSearchTerms(manager, renamed);
    await this.audit.recordMany(manager, actor, audit);
    return { created: fresh.length, updated: changed.length };
  }

  private async replaceSearchTerms(manager: EntityManager, people: PersonEntity[]): Promise<void> {
    const terms = manager.getRepository(PersonSearchTermEntity);
    for (let start = 0; start < people.length; start += CHUNK) {
      const chunk = people.slice(start, start + CHUNK);
      await terms.delete({ personId: In(chunk.map((person) => person.id)) });
      const rows = chunk.flatMap((person) =>
        searchTermsOf(person.fullName).map((term) => ({ personId: person.id, term })),
      );
      if (rows.length) await terms.insert(rows);
    }
  }
}
