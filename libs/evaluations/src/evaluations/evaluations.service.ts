import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import {
  Actor,
  agencyFilterFor,
  assertInScope,
  AuditWriter,
  Conflict,
  Forbidden,
  InvalidTransition,
  NotFound,
  Page,
  pageOf,
  StaleVersion,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { missingForSubmit } from '@app/domain';
import { CriteriaService, type CriteriaSetDef } from '@app/criteria';
import { assertQuarter, PeriodsService } from '../periods/periods.service';
import { EvaluationQueryDto, EvaluationView, UpdateEvaluationDto } from './dto/evaluation.dto';
import { EvaluationEntity } from './evaluation.entity';
import { recordChange } from './evaluation-changes';
import { EVALUATION_CHANGED, EvaluationChangedEvent } from './evaluation-events';
import {
  evaluationView,
  failure,
  mergeNotes,
  mergeValues,
  notesOf,
  scoreOf,
  Values,
  valuesOf,
  withIncidentCounts,
} from './evaluation-values';
import { incidentCountsOf } from './evaluations.queries';
import { subjectOf } from './subjects';
import { mayEdit, type SubjectType, transitionOf, type WorkflowAction } from './workflow';

export interface DraftInput {
  subjectType: SubjectType;
  subjectId: number;
  /** Quarter key. */
  period: string;
  values?: Record<string, unknown>;
  notes?: Record<string, unknown>;
}

export interface DraftOutcome {
  evaluation: EvaluationView;
  created: boolean;
}

/** What audit records keep of an evaluation: enough to replay its history. */
function snapshot(entity: EvaluationEntity) {
  return {
    status: entity.status,
    version: entity.version,
    total: entity.total,
    grade: entity.grade,
    disqualified: entity.disqualified,
    values: valuesOf(entity),
    notes: notesOf(entity),
    returnReason: entity.returnReason,
  };
}

@Injectable()
export class EvaluationsService {
  private readonly logger = new Logger('Evaluations');

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly criteria: CriteriaService,
    private readonly periods: PeriodsService,
    private readonly events: EventEmitter2,
  ) {}

  async list(actor: Actor, query: EvaluationQueryDto): Promise<Page<EvaluationView>> {
    const agencyId = agencyFilterFor(actor, query.agencyId);
    const builder = this.transactions.dataSource
      .getRepository(EvaluationEntity)
      .createQueryBuilder('e');
    if (agencyId !== undefined) builder.andWhere('e.agencyId = :agencyId', { agencyId });
    if (query.period) builder.andWhere('e.period = :period', { period: query.period });
    if (query.unitId !== undefined)
      builder.andWhere('e.unitId = :unitId', { unitId: query.unitId });
    if (query.status) builder.andWhere('e.status = :status', { status: query.status });
    if (query.subjectType)
      builder.andWhere('e.subjectType = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId !== undefined)
      builder.andWhere('e.subjectId = :subjectId', { subjectId: query.subjectId });
    const [rows, total] = await builder
      .orderBy('e.period', 'DESC')
      .addOrderBy('e.subjectType')
      .addOrderBy('e.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(await this.viewsOf(rows), total, query);
  }

  async get(actor: Actor, id: number): Promise<EvaluationView> {
    const manager = this.transactions.dataSource.manager;
    const entity = await manager.getRepository(EvaluationEntity).findOneBy({ id });
    if (!entity) throw new NotFound('Evaluation', id);
    assertInScope(actor, entity.agencyId);
    return this.viewOf(entity, manager);
  }

  async create(actor: Actor, input: DraftInput): Promise<EvaluationView> {
    const outcome = await this.transactions.run((manager) =>
      this.createOrUpdateDraft(manager, actor, input, { createOnly: true }),
    );
    return outcome.evaluation;
  }

  /**
   * Creates the draft of a subject's quarter, or updates its draft or returned evaluation, in the
   * caller's transaction: role, scope, open quarter, values, score, audit. A submitted or approved
   * evaluation is 409 INVALID_TRANSITION; with `createOnly`, any existing one is 409 CONFLICT.
   * Reused by the inspections and the bulk import.
   */
  async createOrUpdateDraft(
    manager: EntityManager,
    actor: Actor,
    input: DraftInput,
    options: { createOnly?: boolean; valuesField?: string } = {},
  ): Promise<DraftOutcome> {
    assertQuarter(input.period);
    if (!mayEdit(input.subjectType, actor.role)) {
      throw new Forbidden(`A ${actor.role} may not edit evaluations of ${input.subjectType}s`);
    }
    const existing = await this.findLocked(manager, {
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      period: input.period,
    });
    if (existing) {
      assertInScope(actor, existing.agencyId);
      if (options.createOnly) {
        throw new Conflict(
          `${input.subjectType} ${input.subjectId} already has evaluation ${existing.id} for ${input.period}`,
        );
      }
      await this.periods.assertOpen(manager, input.period);
      this.assertTransition(existing, 'edit', actor);
      const set = await this.criteria.getSet(existing.criteriaSetId, manager);
      const before = snapshot(existing);
      await this.rewrite(manager, existing, set, {
        values: mergeValues(set, valuesOf(existing), input.values, options.valuesField),
        notes: mergeNotes(set, notesOf(existing), input.notes),
      });
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'evaluation',
        entityId: existing.id,
        before,
        after: snapshot(existing),
      });
      return { evaluation: evaluationView(existing, set), created: false };
    }
    const subject = await subjectOf(manager, input.subjectType, input.subjectId);
    assertInScope(actor, subject.agencyId);
    if (!subject.active) {
      throw ValidationFailed.field(
        'subjectId',
        `${input.subjectType} ${input.subjectId} is inactive`,
      );
    }
    this.periods.assertStarted(input.period);
    await this.periods.assertOpen(manager, input.period);
    const set = await this.criteria.newestPublished(input.subjectType, manager);
    const values = mergeValues(set, {}, input.values, options.valuesField);
    const notes = mergeNotes(set, {}, input.notes);
    const now = new Date();
    const entity = manager.getRepository(EvaluationEntity).create({
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      agencyId: subject.agencyId,
      unitId: subject.unitId,
      period: input.period,
      criteriaSetId: set.id,
      status: 'draft',
      version: 0,
      returnReason: null,
      submittedAt: null,
      approvedAt: null,
      approvedBy: null,
      createdBy: actor.id,
      createdAt: now,
    });
    await this.rewrite(manager, entity, set, { values, notes });
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'evaluation',
      entityId: entity.id,
      after: {
        subjectType: entity.subjectType,
        subjectId: entity.subjectId,
        period: entity.period,
        criteriaSetId: set.id,
        ...snapshot(entity),
      },
    });
    return { evaluation: evaluationView(entity, set), created: true };
  }

  async update(actor: Actor, id: number, input: UpdateEvaluationDto): Promise<EvaluationView> {
    return this.transactions.run(async (manager) => {
      const entity = await this.requireLocked(manager, id);
      assertInScope(actor, entity.agencyId);
      this.assertRole(entity, 'edit', actor);
      await this.periods.assertOpen(manager, entity.period);
      if (input.version !== entity.version) throw new StaleVersion(entity.version);
      this.assertTransition(entity, 'edit', actor);
      const set = await this.criteria.getSet(entity.criteriaSetId, manager);
      const before = snapshot(entity);
      await this.rewrite(manager, entity, set, {
        values: mergeValues(set, valuesOf(entity), input.values),
        notes: mergeNotes(set, notesOf(entity), input.notes),
      });
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'evaluation',
        entityId: id,
        before,
        after: snapshot(entity),
      });
      return evaluationView(entity, set);
    });
  }

  submit(actor: Actor, id: number): Promise<EvaluationView> {
    return this.move(actor, id, 'submit', null);
  }

  approve(actor: Actor, id: number): Promise<EvaluationView> {
    return this.move(actor, id, 'approve', null);
  }

  return(actor: Actor, id: number, reason: string): Promise<EvaluationView> {
    return this.move(actor, id, 'return', reason);
  }

  reopen(actor: Actor, id: number, reason: string): Promise<EvaluationView> {
    return this.move(actor, id, 'reopen', reason);
  }

  /**
   * Sets every fromIncidents value of the subject's evaluation of `period` (whatever its status)
   * to the incidents recorded now, rescores and audits it, in the caller's transaction. Returns
   * the event to emit after the commit when the evaluation was approved, else null.
   */
  async recountIncidents(
    manager: EntityManager,
    actor: Actor,
    subjectType: SubjectType,
    subjectId: number,
    period: string,
  ): Promise<EvaluationChangedEvent | null> {
    const entity = await this.findLocked(manager, { subjectType, subjectId, period });
    if (!entity) return null;
    const set = await this.criteria.getSet(entity.criteriaSetId, manager);
    const before = snapshot(entity);
    await this.rewrite(manager, entity, set, { values: valuesOf(entity), notes: notesOf(entity) });
    await this.audit.record(manager, actor, {
      action: 'recount_incidents',
      entity: 'evaluation',
      entityId: entity.id,
      before,
      after: snapshot(entity),
    });
    if (entity.status !== 'approved') return null;
    const event = this.eventOf(entity);
    await recordChange(manager, event);
    return event;
  }

  /** The evaluation of a subject's quarter, if any, read in the caller's transaction. */
  async findFor(
    manager: EntityManager,
    subjectType: SubjectType,
    subjectId: number,
    period: string,
  ): Promise<EvaluationEntity | null> {
    return manager.getRepository(EvaluationEntity).findOneBy({ subjectType, subjectId, period });
  }

  /**
   * Tells the listeners (rankings) after the commit and waits for their work (at most a second),
   * so that the caller answers when the rankings show the change; a failing listener never fails
   * the request.
   */
  async emitChanged(events: readonly (EvaluationChangedEvent | null)[]): Promise<void> {
    const unique = new Map<string, EvaluationChangedEvent>();
    for (const event of events)
      if (event) unique.set(`${event.period}|${event.subjectType}|${event.subjectId}`, event);
    await Promise.all(
      [...unique.values()].map((event) =>
        this.events
          .emitAsync(EVALUATION_CHANGED, event)
          .catch((error: unknown) =>
            this.logger.error(`${EVALUATION_CHANGED} listener failed: ${String(error)}`),
          ),
      ),
    );
  }

  private async move(
    actor: Actor,
    id: number,
    action: Exclude<WorkflowAction, 'edit'>,
    reason: string | null,
  ): Promise<EvaluationView> {
    const { view, event } = await this.transactions.run(async (manager) => {
      const entity = await this.requireLocked(manager, id);
      assertInScope(actor, entity.agencyId);
      this.assertRole(entity, action, actor);
      await this.periods.assertOpen(manager, entity.period);
      const to = this.assertTransition(entity, action, actor);
      const set = await this.criteria.getSet(entity.criteriaSetId, manager);
      if (action === 'submit') {
        const missing = missingForSubmit(set.criteria, valuesOf(entity));
        if (missing.length) {
          throw failure(
            missing.map((code) => ({ field: `values.${code}`, message: 'is required to submit' })),
          );
        }
      }
      const before = snapshot(entity);
      const now = new Date();
      entity.status = to;
      entity.version += 1;
      entity.updatedAt = now;
      if (action === 'submit') {
        entity.submittedAt = now;
        entity.returnReason = null;
      } else if (action === 'approve') {
        entity.approvedAt = now;
        entity.approvedBy = actor.id || null;
      } else {
        entity.returnReason = reason;
        entity.approvedAt = null;
        entity.approvedBy = null;
      }
      // An update of the moved columns, not save(), which would read the row again first.
      await manager.getRepository(EvaluationEntity).update(
        { id: entity.id },
        {
          status: entity.status,
          version: entity.version,
          updatedAt: entity.updatedAt,
          submittedAt: entity.submittedAt,
          returnReason: entity.returnReason,
          approvedAt: entity.approvedAt,
          approvedBy: entity.approvedBy,
        },
      );
      await this.audit.record(manager, actor, {
        action,
        entity: 'evaluation',
        entityId: id,
        before,
        after: snapshot(entity),
        reason,
      });
      const event = action === 'submit' ? null : this.eventOf(entity);
      if (event) await recordChange(manager, event);
      return { view: evaluationView(entity, set), event };
    });
    await this.emitChanged([event]);
    return view;
  }

  /** Recounts incidents, rescores and saves (version + 1); values and notes already checked. */
  private async rewrite(
    manager: EntityManager,
    entity: EvaluationEntity,
    set: CriteriaSetDef,
    content: { values: Values; notes: Record<string, string> },
  ): Promise<void> {
    const counts = await incidentCountsOf(
      manager,
      entity.subjectType,
      entity.subjectId,
      entity.period,
    );
    const values = withIncidentCounts(set, content.values, counts);
    const score = scoreOf(set, values);
    entity.valuesJson = JSON.stringify(values);
    entity.notesJson = JSON.stringify(content.notes);
    entity.total = score.total;
    entity.grade = score.grade;
    entity.disqualified = score.disqualified;
    entity.version += 1;
    entity.updatedAt = new Date();
    await manager.getRepository(EvaluationEntity).save(entity);
  }

  private assertRole(entity: EvaluationEntity, action: WorkflowAction, actor: Actor): void {
    const outcome = transitionOf(entity.subjectType, entity.status, action, actor.role);
    if (!outcome.ok && outcome.reason === 'role') {
      throw new Forbidden(
        `A ${actor.role} may not ${action} evaluations of ${entity.subjectType}s`,
      );
    }
  }

  private assertTransition(entity: EvaluationEntity, action: WorkflowAction, actor: Actor) {
    this.assertRole(entity, action, actor);
    const outcome = transitionOf(entity.subjectType, entity.status, action, actor.role);
    if (!outcome.ok) {
      throw new InvalidTransition(`A ${entity.status} evaluation cannot be ${PAST[action]}`);
    }
    return outcome.to;
  }

  private eventOf(entity: EvaluationEntity): EvaluationChangedEvent {
    return {
      period: entity.period,
      subjectType: entity.subjectType,
      agencyId: entity.agencyId,
      subjectId: entity.subjectId,
    };
  }

  private async requireLocked(manager: EntityManager, id: number): Promise<EvaluationEntity> {
    const entity = await this.findLocked(manager, { id });
    if (!entity) throw new NotFound('Evaluation', id);
    return entity;
  }

  /**
   * On MySQL the row is locked for the rest of the transaction: version checks hold under races.
   * A subject's quarter is first looked up without a lock: a locking read of a row that does not
   * exist yet locks the gap around it, and the first saves of two neighbours (a pasted block)
   * would then deadlock on their inserts. Two first saves of the same subject meet on the unique
   * key instead, and the second is 409 CONFLICT.
   */
  private async findLocked(
    manager: EntityManager,
    where: { id: number } | Pick<EvaluationEntity, 'subjectType' | 'subjectId' | 'period'>,
  ): Promise<EvaluationEntity | null> {
    const repository = manager.getRepository(EvaluationEntity);
    let id: number;
    if ('id' in where) id = where.id;
    else {
      const found = await repository.findOne({ select: { id: true }, where });
      if (!found) return null;
      id = found.id;
    }
    const builder = repository.createQueryBuilder('e').where('e.id = :id', { id });
    if (this.transactions.dialect === 'mysql') builder.setLock('pessimistic_write');
    return builder.getOne();
  }

  private async viewOf(entity: EvaluationEntity, manager: EntityManager): Promise<EvaluationView> {
    return evaluationView(entity, await this.criteria.getSet(entity.criteriaSetId, manager));
  }

  private async viewsOf(rows: EvaluationEntity[]): Promise<EvaluationView[]> {
    const manager = this.transactions.dataSource.manager;
    const sets = new Map<number, CriteriaSetDef>();
    for (const id of new Set(rows.map((row) => row.criteriaSetId))) {
      sets.set(id, await this.criteria.getSet(id, manager));
    }
    return rows.map((row) => evaluationView(row, sets.get(row.criteriaSetId)!));
  }
}

const PAST: Record<WorkflowAction, string> = {
  edit: 'edited',
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  reopen: 'reopened',
};
