import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor,
  agencyFilterFor,
  assertInScope,
  AuditWriter,
  NotFound,
  Page,
  pageOf,
  Transactions,
  ValidationFailed,
} from '@app/core';
import { isQuarter, isValidDate, quarterOfDate } from '@app/domain';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { subjectOf } from '../evaluations/subjects';
import {
  CreateInspectionDto,
  InspectionQueryDto,
  InspectionView,
  UpdateInspectionDto,
} from './dto/inspection.dto';
import { InspectionEntity } from './inspection.entity';

export function inspectionView(inspection: InspectionEntity): InspectionView {
  return {
    id: inspection.id,
    agencyId: inspection.agencyId,
    period: inspection.period,
    visitedOn: inspection.visitedOn,
    leader: inspection.leader,
    members: JSON.parse(inspection.membersJson) as string[],
    strengths: inspection.strengths,
    shortcomings: inspection.shortcomings,
    recommendations: inspection.recommendations,
    checklist: JSON.parse(inspection.checklistJson) as Record<string, unknown>,
    createdBy: inspection.createdBy,
    createdAt: inspection.createdAt,
    updatedAt: inspection.updatedAt,
  };
}

@Injectable()
export class InspectionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly evaluations: EvaluationsService,
  ) {}

  async list(actor: Actor, query: InspectionQueryDto): Promise<Page<InspectionView>> {
    const agencyId = agencyFilterFor(actor, query.agencyId);
    const builder = this.transactions.dataSource
      .getRepository(InspectionEntity)
      .createQueryBuilder('i');
    if (agencyId !== undefined) builder.andWhere('i.agencyId = :agencyId', { agencyId });
    if (query.period) builder.andWhere('i.period = :period', { period: query.period });
    const [rows, total] = await builder
      .orderBy('i.visitedOn', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(rows.map(inspectionView), total, query);
  }

  async get(actor: Actor, id: number): Promise<InspectionView> {
    const inspection = await this.require(this.transactions.dataSource.manager, id);
    assertInScope(actor, inspection.agencyId);
    return inspectionView(inspection);
  }

  /** Records a visit; a checklist fills the agency's evaluation of the visit's quarter. */
  async create(actor: Actor, input: CreateInspectionDto): Promise<InspectionView> {
    const period = periodOfVisit(input.visitedOn);
    return this.transactions.run(async (manager) => {
      await subjectOf(manager, 'agency', input.agencyId, 'agencyId');
      const checklist = input.checklist ?? {};
      await this.fillEvaluation(manager, actor, input.agencyId, period, checklist);
      const now = new Date();
      const repository = manager.getRepository(InspectionEntity);
      const inspection = await repository.save(
        repository.create({
          agencyId: input.agencyId,
          period,
          visitedOn: input.visitedOn,
          leader: input.leader,
          membersJson: JSON.stringify(input.members ?? []),
          strengths: input.strengths ?? '',
          shortcomings: input.shortcomings ?? '',
          recommendations: input.recommendations ?? '',
          checklistJson: JSON.stringify(checklist),
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const after = inspectionView(inspection);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'inspection',
        entityId: inspection.id,
        after,
      });
      return after;
    });
  }

  async update(actor: Actor, id: number, input: UpdateInspectionDto): Promise<InspectionView> {
    const period = input.visitedOn === undefined ? undefined : periodOfVisit(input.visitedOn);
    return this.transactions.run(async (manager) => {
      const inspection = await this.require(manager, id);
      const before = inspectionView(inspection);
      const movedQuarter = period !== undefined && period !== inspection.period;
      if (input.checklist !== undefined || movedQuarter) {
        await this.fillEvaluation(
          manager,
          actor,
          inspection.agencyId,
          period ?? inspection.period,
          input.checklist ?? before.checklist,
        );
      }
      Object.assign(inspection, {
        visitedOn: input.visitedOn ?? inspection.visitedOn,
        period: period ?? inspection.period,
        leader: input.leader ?? inspection.leader,
        membersJson: input.members ? JSON.stringify(input.members) : inspection.membersJson,
        strengths: input.strengths ?? inspection.strengths,
        shortcomings: input.shortcomings ?? inspection.shortcomings,
        recommendations: input.recommendations ?? inspection.recommendations,
        checklistJson: input.checklist ? JSON.stringify(input.checklist) : inspection.checklistJson,
        updatedAt: new Date(),
      });
      await manager.getRepository(InspectionEntity).save(inspection);
      const after = inspectionView(inspection);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'inspection',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** The checklist's values into the agency's draft or returned evaluation (created if none). */
  private async fillEvaluation(
    manager: EntityManager,
    actor: Actor,
    agencyId: number,
    period: string,
    checklist: Record<string, unknown>,
  ): Promise<void> {
    if (Object.keys(checklist).length === 0) return;
    await this.evaluations.createOrUpdateDraft(
      manager,
      actor,
      { subjectType: 'agency', subjectId: agencyId, period, values: checklist },
      { valuesField: 'checklist' },
    );
  }

  private async require(manager: EntityManager, id: number): Promise<InspectionEntity> {
    const inspection = await manager.getRepository(InspectionEntity).findOneBy({ id });
    if (!inspection) throw new NotFound('Inspection', id);
    return inspection;
  }
}

function periodOfVisit(date: string): string {
  const period = isValidDate(date) ? quarterOfDate(date) : null;
  if (!period || !isQuarter(period)) {
    throw ValidationFailed.field('visitedOn', 'must be a real date written YYYY-MM-DD');
  }
  return period;
}
