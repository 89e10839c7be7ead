import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  Actor,
  AuditWriter,
  Conflict,
  NotFound,
  Page,
  pageOf,
  Transactions,
  applyChanges,
} from '@app/core';
import { AgencyEntity } from './agency.entity';
import { AgencyQueryDto, AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

export function agencyView(agency: AgencyEntity): AgencyView {
  return {
    id: agency.id,
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName,
    active: agency.active,
  };
}

@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  async list(query: AgencyQueryDto): Promise<Page<AgencyView>> {
    const builder = this.agencies.createQueryBuilder('a');
    if (query.q) {
      builder.andWhere('(a.code LIKE :q OR a.name LIKE :q OR a.shortName LIKE :q)', {
        q: `%${query.q}%`,
      });
    }
    if (query.active !== undefined)
      builder.andWhere('a.active = :active', { active: query.active });
    const [rows, total] = await builder
      .orderBy('a.name')
      .addOrderBy('a.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(rows.map(agencyView), total, query);
  }

  async get(id: number): Promise<AgencyView> {
    return agencyView(await this.require(id));
  }

  /** The agency, or 404. */
  async require(id: number): Promise<AgencyEntity> {
    const agency = await this.agencies.findOneBy({ id });
    if (!agency) throw new NotFound('Agency', id);
    return agency;
  }

  async create(actor: Actor, input: CreateAgencyDto): Promise<AgencyView> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(AgencyEntity);
      if (await repository.existsBy({ code: input.code }))
        throw new Conflict(`Agency code ${input.code} is taken`);
      const now = new Date();
      const agency = await repository.save(
        repository.create({
          code: input.code,
          name: input.name,
          shortName: input.shortName ?? null,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'agency',
        entityId: agency.id,
        after: agencyView(agency),
      });
      return agencyView(agency);
    });
  }

  async update(actor: Actor, id: number, input: UpdateAgencyDto): Promise<AgencyView> {
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(AgencyEntity);
      const agency = await repository.findOneBy({ id });
      if (!agency) throw new NotFound('Agency', id);
      const before = agencyView(agency);
      applyChanges(agency, { ...input, updatedAt: new Date() });
      await repository.save(agency);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'agency',
        entityId: id,
        before,
        after: agencyView(agency),
      });
      return agencyView(agency);
    });
  }
}
