import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor,
  agencyFilterFor,
  assertInScope,
  AuditWriter,
  Forbidden,
  NotFound,
  Page,
  pageOf,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { isQuarter, isValidDate, quarterOfDate } from '@app/domain';
import { CriteriaService } from '@app/criteria';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { subjectOf } from '../evaluations/subjects';
import { mayEdit, type SubjectType } from '../evaluations/workflow';
import { PeriodsService } from '../periods/periods.service';
import { CreateIncidentDto, IncidentQueryDto, IncidentView } from './dto/incident.dto';
import { IncidentEntity } from './incident.entity';

export function incidentView(incident: IncidentEntity): IncidentView {
  return {
    id: incident.id,
    subjectType: incident.subjectType,
    subjectId: incident.subjectId,
    agencyId: incident.agencyId,
    criterionCode: incident.criterionCode,
    occurredOn: incident.occurredOn,
    period: incident.period,
    note: incident.note,
    deletedAt: incident.deletedAt,
    createdBy: incident.createdBy,
    createdAt: incident.createdAt,
  };
}

@Injectable()
export class IncidentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly criteria: CriteriaService,
    private readonly periods: PeriodsService,
    private readonly evaluations: EvaluationsService,
  ) {}

  async list(actor: Actor, query: IncidentQueryDto): Promise<Page<IncidentView>> {
    const agencyId = agencyFilterFor(actor, query.agencyId);
    const builder = this.transactions.dataSource
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .where('i.deletedAt IS NULL');
    if (agencyId !== undefined) builder.andWhere('i.agencyId = :agencyId', { agencyId });
    if (query.subjectType)
      builder.andWhere('i.subjectType = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId !== undefined)
      builder.andWhere('i.subjectId = :subjectId', { subjectId: query.subjectId });
    if (query.period) builder.andWhere('i.period = :period', { period: query.period });
    if (query.criterionCode)
      builder.andWhere('i.criterionCode = :code', { code: query.criterionCode });
    const [rows, total] = await builder
      .orderBy('i.occurredOn', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(rows.map(incidentView), total, query);
  }

  async get(actor: Actor, id: number): Promise<IncidentView> {
    const incident = await this.require(this.transactions.dataSource.manager, id);
    assertInScope(actor, incident.agencyId);
    return incidentView(incident);
  }

  /** Records an incident; the subject's evaluation of that quarter is recounted at once. */
  async create(actor: Actor, input: CreateIncidentDto): Promise<IncidentView> {
    this.assertMayRecord(actor, input.subjectType);
    const period = periodOfDate(input.occurredOn);
    const { view, event } = await this.transactions.run(async (manager) => {
      const evaluation = await this.evaluations.findFor(
        manager,
        input.subjectType,
        input.subjectId,
        period,
      );
      // An evaluated quarter stays with the agency of its evaluation; otherwise the current one.
      const agencyId =
        evaluation?.agencyId ??
        (await subjectOf(manager, input.subjectType, input.subjectId)).agencyId;
      assertInScope(actor, agencyId);
      await this.periods.assertOpen(manager, period);
      const set = evaluation
        ? await this.criteria.getSet(evaluation.criteriaSetId, manager)
        : await this.criteria.newestPublished(input.subjectType, manager);
      const criterion = set.criteria.find((def) => def.code === input.criterionCode);
      if (!criterion?.fromIncidents) {
        throw ValidationFailed.field(
          'criterionCode',
          `must be a criterion counted from incidents of set ${set.code} v${set.version}`,
        );
      }
      const repository = manager.getRepository(IncidentEntity);
      const incident = await repository.save(
        repository.create({
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          agencyId,
          criterionCode: input.criterionCode,
          occurredOn: input.occurredOn,
          period,
          note: input.note || null,
          deletedAt: null,
          createdBy: actor.id,
          createdAt: new Date(),
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'incident',
        entityId: incident.id,
        after: incidentView(incident),
      });
      const changed = await this.evaluations.recountIncidents(
        manager,
        actor,
        input.subjectType,
        input.subjectId,
        period,
      );
      return { view: incidentView(incident), event: changed };
    });
    await this.evaluations.emitChanged([event]);
    return view;
  }

  /** Soft-deletes an incident; its evaluation is recounted at once. */
  async remove(actor: Actor, id: number): Promise<IncidentView> {
    const { view, event } = await this.transactions.run(async (manager) => {
      const incident = await this.require(manager, id);
      assertInScope(actor, incident.agencyId);
      this.assertMayRecord(actor, incident.subjectType);
      await this.periods.assertOpen(manager, incident.period);
      const before = incidentView(incident);
      incident.deletedAt = new Date();
      await manager.getRepository(IncidentEntity).save(incident);
      await this.audit.record(manager, actor, {
        action: 'delete',
        entity: 'incident',
        entityId: id,
        before,
        after: incidentView(incident),
      });
      const changed = await this.evaluations.recountIncidents(
        manager,
        actor,
        incident.subjectType,
        incident.subjectId,
        incident.period,
      );
      return { view: incidentView(incident), event: changed };
    });
    await this.evaluations.emitChanged([event]);
    return view;
  }

  private assertMayRecord(actor: Actor, subjectType: SubjectType): void {
    if (!mayEdit(subjectType, actor.role)) {
      throw new Forbidden(`A ${actor.role} may not record incidents of ${subjectType}s`);
    }
  }

  private async require(manager: EntityManager, id: number): Promise<IncidentEntity> {
    const incident = await manager.getRepository(IncidentEntity).findOneBy({ id });
    if (!incident || incident.deletedAt) throw new NotFound('Incident', id);
    return incident;
  }
}

/** The quarter of a real `YYYY-MM-DD` date, or 400 on occurredOn. */
function periodOfDate(date: string): string {
  const period = isValidDate(date) ? quarterOfDate(date) : null;
  if (!period || !isQuarter(period)) {
    throw ValidationFailed.field('occurredOn', 'must be a real date written YYYY-MM-DD');
  }
  return period;
}
