import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  Actor,
  assertInScope,
  AuditWriter,
  Conflict,
  NotFound,
  Page,
  pageOf,
  Transactions,
  ValidationFailed,
  applyChanges,
} from '@app/core';
import { AgenciesService } from '../agencies/agencies.service';
import { CreateUnitDto, UnitQueryDto, UnitTreeNode, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { UnitEntity } from './unit.entity';
import { buildUnitTree, wouldCycle } from './unit-tree';

export function unitView(unit: UnitEntity): UnitView {
  return {
    id: unit.id,
    agencyId: unit.agencyId,
    parentId: unit.parentId,
    code: unit.code,
    name: unit.name,
    active: unit.active,
  };
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly agencies: AgenciesService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  async list(actor: Actor, agencyId: number, query: UnitQueryDto): Promise<Page<UnitView>> {
    await this.agencies.require(agencyId);
    assertInScope(actor, agencyId);
    const builder = this.units
      .createQueryBuilder('u')
      .where('u.agencyId = :agencyId', { agencyId });
    if (query.parentId !== undefined)
      builder.andWhere('u.parentId = :parentId', { parentId: query.parentId });
    const [rows, total] = await builder
      .orderBy('u.name')
      .addOrderBy('u.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(rows.map(unitView), total, query);
  }

  async tree(actor: Actor, agencyId: number): Promise<UnitTreeNode[]> {
    await this.agencies.require(agencyId);
    assertInScope(actor, agencyId);
    const rows = await this.units.find({ where: { agencyId }, order: { name: 'ASC', id: 'ASC' } });
    return buildUnitTree(rows.map(unitView));
  }

  /** A unit of the given agency, or a 400 naming the field that pointed at it. */
  async requireInAgency(
    unitId: number,
    agencyId: number,
    field = 'unitId',
    manager?: EntityManager,
  ): Promise<UnitEntity> {
    const repository = manager ? manager.getRepository(UnitEntity) : this.units;
    const unit = await repository.findOneBy({ id: unitId });
    if (!unit || unit.agencyId !== agencyId)
      throw ValidationFailed.field(field, `unit ${unitId} does not belong to agency ${agencyId}`);
    return unit;
  }

  async create(actor: Actor, agencyId: number, input: CreateUnitDto): Promise<UnitView> {
    await this.agencies.require(agencyId);
    assertInScope(actor, agencyId);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(UnitEntity);
      if (input.parentId !== undefined)
        await this.requireInAgency(input.parentId, agencyId, 'parentId', manager);
      if (await repository.existsBy({ agencyId, code: input.code })) {
        throw new Conflict(`Unit code ${input.code} is taken in this agency`);
      }
      const now = new Date();
      const unit = await repository.save(
        repository.create({
          agencyId,
          parentId: input.parentId ?? null,
          code: input.code,
          name: input.name,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'unit',
        entityId: unit.id,
        after: unitView(unit),
      });
      return unitView(unit);
    });
  }

  async update(
    actor: Actor,
    agencyId: number,
    unitId: number,
    input: UpdateUnitDto,
  ): Promise<UnitView> {
    await this.agencies.require(agencyId);
    assertInScope(actor, agencyId);
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(UnitEntity);
      const unit = await repository.findOneBy({ id: unitId, agencyId });
      if (!unit) throw new NotFound('Unit', unitId);
      if (input.parentId !== undefined && input.parentId !== null) {
        await this.requireInAgency(input.parentId, agencyId, 'parentId', manager);
        const siblings = await repository.find({
          where: { agencyId },
          select: { id: true, parentId: true },
        });
        if (wouldCycle(siblings, unitId, input.parentId))
          throw ValidationFailed.field('parentId', 'a unit cannot sit under itself');
      }
      const before = unitView(unit);
      applyChanges(unit, { ...input, updatedAt: new Date() });
      await repository.save(unit);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'unit',
        entityId: unitId,
        before,
        after: unitView(unit),
      });
      return unitView(unit);
    });
  }
}
