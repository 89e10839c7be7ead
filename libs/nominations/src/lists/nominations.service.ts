import { Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { EntityManager } from 'typeorm';
import {
  Actor,
  agencyFilterFor,
  assertInScope,
  AuditWriter,
  Conflict,
  Forbidden,
  InvalidTransition,
  isCityWide,
  NotFound,
  Page,
  pageOf,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { isValidDate, periodLabelVi } from '@app/domain';
import { nominationColumns, parseExportFormat, sendExport } from '@app/exports';
import { AgencyEntity, PersonEntity } from '@app/org';
import { assertRollupPeriod, CandidatesService } from '../candidates/candidates.service';
import {
  AddEntryDto,
  CreateNominationDto,
  DecideNominationDto,
  NominationDetailView,
  NominationEntryView,
  NominationListView,
  NominationQueryDto,
} from '../dto/nomination.dto';
import { NominationEntryEntity } from './nomination-entry.entity';
import { NominationListEntity, type NomineeType } from './nomination-list.entity';
import { type NominationAction, nextNominationStatus } from './nomination-workflow';
import { countEntries, readEntries, streamExportRows } from './nominations.queries';

const CITY_SCOPE_VI = 'Các cơ quan, đơn vị của Thành phố';

export function listView(list: NominationListEntity, entryCount: number): NominationListView {
  return {
    id: list.id,
    title: list.title,
    period: list.period,
    subjectType: list.subjectType,
    agencyId: list.agencyId,
    status: list.status,
    decisionNumber: list.decisionNumber,
    decisionDate: list.decisionDate,
    submittedAt: list.submittedAt ? list.submittedAt.toISOString() : null,
    decidedAt: list.decidedAt ? list.decidedAt.toISOString() : null,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
    entryCount,
  };
}

/** Nomination lists (SPEC §8): scope, workflow, the one-list-per-period rule, audit, export. */
@Injectable()
export class NominationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly candidates: CandidatesService,
  ) {}

  async create(actor: Actor, input: CreateNominationDto): Promise<NominationDetailView> {
    const period = assertRollupPeriod(input.period);
    const agencyId = this.agencyOfNewList(actor, input.agencyId);
    return this.transactions.run(async (manager) => {
      if (agencyId !== null) {
        const agency = await manager.getRepository(AgencyEntity).findOneBy({ id: agencyId });
        if (!agency) throw ValidationFailed.field('agencyId', `agency ${agencyId} does not exist`);
      }
      const repository = manager.getRepository(NominationListEntity);
      const now = new Date();
      const list = await repository.save(
        repository.create({
          title: input.title,
          period,
          subjectType: agencyId === null ? 'agency' : 'person',
          agencyId,
          status: 'draft',
          decisionNumber: null,
          decisionDate: null,
          submittedAt: null,
          submittedBy: null,
          decidedAt: null,
          decidedBy: null,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const view = listView(list, 0);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'nomination_list',
        entityId: list.id,
        after: view,
      });
      return { ...view, entries: [] };
    });
  }

  async list(actor: Actor, query: NominationQueryDto): Promise<Page<NominationListView>> {
    const agencyId = agencyFilterFor(actor, query.agencyId);
    const manager = this.transactions.dataSource.manager;
    const builder = manager.getRepository(NominationListEntity).createQueryBuilder('l');
    // Agency-bound callers see their agency's lists, never the city's list of agencies.
    if (agencyId !== undefined) builder.andWhere('l.agencyId = :agencyId', { agencyId });
    if (query.period) builder.andWhere('l.period = :period', { period: query.period });
    if (query.status) builder.andWhere('l.status = :status', { status: query.status });
    const [rows, total] = await builder
      .orderBy('l.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const counts = await countEntries(
      manager,
      rows.map((row) => row.id),
    );
    return pageOf(
      rows.map((row) => listView(row, counts.get(row.id) ?? 0)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: number): Promise<NominationDetailView> {
    const manager = this.transactions.dataSource.manager;
    const list = await this.require(manager, id);
    assertInScope(actor, list.agencyId);
    return this.detailOf(manager, list);
  }

  async addEntry(actor: Actor, id: number, input: AddEntryDto): Promise<NominationEntryView> {
    const first = await this.require(this.transactions.dataSource.manager, id);
    await this.candidates.ensureRanksFresh(first.period, first.subjectType);
    return this.transactions.run(async (manager) => {
      const list = await this.require(manager, id, true);
      assertInScope(actor, list.agencyId);
      this.assertMay(list, 'edit');
      if (input.subjectType !== list.subjectType) {
        throw ValidationFailed.field(
          'subjectType',
          list.subjectType === 'person'
            ? "an agency's list takes people of that agency"
            : "the city's list takes agencies",
        );
      }
      const agencyId = await this.agencyOfSubject(manager, actor, list, input.subjectId);
      const [judged] = await this.candidates.judge(manager, {
        period: list.period,
        subjectType: list.subjectType,
        subjectId: input.subjectId,
      });
      const isCandidate = judged?.verdict.isCandidate ?? false;
      if (!isCandidate && !input.overrideReason) {
        const failed = judged ? judged.verdict.failed.join(', ') : 'no roll-up for the period';
        throw ValidationFailed.field(
          'overrideReason',
          `required: the subject is not an exemplary candidate (${failed})`,
        );
      }
      const repository = manager.getRepository(NominationEntryEntity);
      const standing = await repository.findOneBy({
        period: list.period,
        subjectType: list.subjectType,
        subjectId: input.subjectId,
        standing: 1,
      });
      if (standing) {
        throw new Conflict(
          `The subject already stands on nomination list ${standing.listId} for ${list.period}`,
          { listId: standing.listId, entryId: standing.id },
        );
      }
      // The unique key on (period, subject, standing) refuses a concurrent twin: 409 CONFLICT.
      const entry = await repository.save(
        repository.create({
          listId: list.id,
          period: list.period,
          subjectType: list.subjectType,
          subjectId: input.subjectId,
          agencyId,
          achievement: input.achievement,
          overrideReason: input.overrideReason ?? null,
          candidate: isCandidate,
          total: judged?.total ?? null,
          grade: judged?.grade ?? null,
          scopeRank: judged?.rank ?? null,
          rankedOf: judged?.rankedOf ?? null,
          standing: 1,
          createdBy: actor.id,
          createdAt: new Date(),
        }),
      );
      await this.touch(manager, list);
      const view = (await readEntries(manager, list.id)).find((e) => e.id === entry.id)!;
      await this.audit.record(manager, actor, {
        action: isCandidate ? 'add-entry' : 'add-entry-override',
        entity: 'nomination_entry',
        entityId: entry.id,
        after: { listId: list.id, ...view },
        reason: input.overrideReason ?? null,
      });
      return view;
    });
  }

  async removeEntry(actor: Actor, id: number, entryId: number): Promise<NominationDetailView> {
    return this.transactions.run(async (manager) => {
      const list = await this.require(manager, id, true);
      assertInScope(actor, list.agencyId);
      const repository = manager.getRepository(NominationEntryEntity);
      const entry = await repository.findOneBy({ id: entryId, listId: id });
      if (!entry) throw new NotFound('Nomination entry', entryId);
      this.assertMay(list, 'edit');
      await repository.delete({ id: entry.id });
      await this.touch(manager, list);
      await this.audit.record(manager, actor, {
        action: 'remove-entry',
        entity: 'nomination_entry',
        entityId: entry.id,
        before: { ...entry },
      });
      return this.detailOf(manager, list);
    });
  }

  async submit(actor: Actor, id: number): Promise<NominationDetailView> {
    return this.transactions.run(async (manager) => {
      const list = await this.require(manager, id, true);
      assertInScope(actor, list.agencyId);
      const next = this.assertMay(list, 'submit');
      const entries = await manager
        .getRepository(NominationEntryEntity)
        .countBy({ listId: list.id });
      if (entries === 0)
        throw new InvalidTransition('A nomination list needs at least one entry to be submitted');
      const before = listView(list, entries);
      list.status = next;
      list.submittedAt = new Date();
      list.submittedBy = actor.id;
      await this.touch(manager, list);
      const after = listView(list, entries);
      await this.audit.record(manager, actor, {
        action: 'submit',
        entity: 'nomination_list',
        entityId: list.id,
        before,
        after,
      });
      return this.detailOf(manager, list);
    });
  }

  async decide(
    actor: Actor,
    id: number,
    input: DecideNominationDto,
  ): Promise<NominationDetailView> {
    if (!isValidDate(input.decisionDate))
      throw ValidationFailed.field('decisionDate', 'must be a real date written YYYY-MM-DD');
    return this.transactions.run(async (manager) => {
      const list = await this.require(manager, id, true);
      const next = this.assertMay(list, input.decision === 'accepted' ? 'accept' : 'reject');
      const entries = await manager
        .getRepository(NominationEntryEntity)
        .countBy({ listId: list.id });
      const before = listView(list, entries);
      list.status = next;
      list.decisionNumber = input.decisionNumber;
      list.decisionDate = input.decisionDate;
      list.decidedAt = new Date();
      list.decidedBy = actor.id;
      await this.touch(manager, list);
      if (next === 'rejected') {
        // A rejected list frees its subjects for another list of the period.
        await manager
          .getRepository(NominationEntryEntity)
          .update({ listId: list.id }, { standing: null });
      }
      await this.audit.record(manager, actor, {
        action: input.decision === 'accepted' ? 'accept' : 'reject',
        entity: 'nomination_list',
        entityId: list.id,
        before,
        after: listView(list, entries),
        reason: `${input.decisionNumber} (${input.decisionDate})`,
      });
      return this.detailOf(manager, list);
    });
  }

  /** Streams the list as XLSX, CSV or PDF, reading its entries from the database in chunks. */
  async export(actor: Actor, id: number, format: string, response: ServerResponse): Promise<void> {
    const exportFormat = parseExportFormat(format);
    const manager = this.transactions.dataSource.manager;
    const list = await this.require(manager, id);
    assertInScope(actor, list.agencyId);
    const scope =
      list.agencyId === null
        ? CITY_SCOPE_VI
        : ((await manager.getRepository(AgencyEntity).findOneBy({ id: list.agencyId }))?.name ??
          '');
    await sendExport(response, exportFormat, {
      title: list.title,
      subtitle: `${periodLabelVi(list.period)} — ${scope}`,
      columns: nominationColumns(list.subjectType),
      rows: streamExportRows(manager, list.id),
      fileName: `Danh sách đề nghị khen thưởng ${list.period} (${list.id})`,
    });
  }

  /** The agency of a new list: an agency's nominator names its own (or nothing). */
  private agencyOfNewList(actor: Actor, requested: number | undefined): number | null {
    if (isCityWide(actor)) return requested ?? null;
    if (requested !== undefined && requested !== actor.agencyId)
      throw new Forbidden('You may only create nomination lists of your own agency');
    return actor.agencyId;
  }

  /** The subject's agency, after checking it exists, is in the caller's scope and fits the list. */
  private async agencyOfSubject(
    manager: EntityManager,
    actor: Actor,
    list: NominationListEntity,
    subjectId: number,
  ): Promise<number> {
    if (list.subjectType === 'agency') {
      if (!(await manager.getRepository(AgencyEntity).existsBy({ id: subjectId })))
        throw ValidationFailed.field('subjectId', `agency ${subjectId} does not exist`);
      return subjectId;
    }
    const person = await manager.getRepository(PersonEntity).findOneBy({ id: subjectId });
    if (!person) throw ValidationFailed.field('subjectId', `person ${subjectId} does not exist`);
    assertInScope(actor, person.agencyId);
    if (person.agencyId !== list.agencyId)
      throw ValidationFailed.field('subjectId', "the person does not belong to the list's agency");
    return person.agencyId;
  }

  private assertMay(list: NominationListEntity, action: NominationAction) {
    const next = nextNominationStatus(list.status, action);
    if (next === null) {
      const what = action === 'edit' ? 'change entries of' : action;
      throw new InvalidTransition(`Cannot ${what} a nomination list that is ${list.status}`);
    }
    return next;
  }

  private async touch(manager: EntityManager, list: NominationListEntity): Promise<void> {
    list.updatedAt = new Date();
    await manager.getRepository(NominationListEntity).save(list);
  }

  private async require(
    manager: EntityManager,
    id: number,
    lock = false,
  ): Promise<NominationListEntity> {
    const repository = manager.getRepository(NominationListEntity);
    const list =
      lock && this.transactions.dialect === 'mysql'
        ? await repository
            .createQueryBuilder('l')
            .setLock('pessimistic_write')
            .where('l.id = :id', { id })
            .getOne()
        : await repository.findOneBy({ id });
    if (!list) throw new NotFound('Nomination list', id);
    return list;
  }

  private async detailOf(
    manager: EntityManager,
    list: NominationListEntity,
  ): Promise<NominationDetailView> {
    const entries = await readEntries(manager, list.id);
    return { ...listView(list, entries.length), entries };
  }
}

export type { NomineeType };
