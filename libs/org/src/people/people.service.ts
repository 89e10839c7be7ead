import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  Actor,
  agencyFilterFor,
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
import { AgencyEntity } from '../agencies/agency.entity';
import { UnitsService } from '../units/units.service';
import {
  CreatePersonDto,
  PersonQueryDto,
  PersonView,
  TransferPersonDto,
  UpdatePersonDto,
} from './dto/person.dto';
import { PeopleMoves } from './people-moves';
import { PersonEntity, PersonSearchTermEntity } from './person.entity';
import { foldDiacritics, searchTermsOf } from './search-terms';
import { queueRankedSubjects } from '../ranked-subjects';

export function personView(person: PersonEntity): PersonView {
  return {
    id: person.id,
    employeeCode: person.employeeCode,
    fullName: person.fullName,
    position: person.position,
    category: person.category,
    partyMember: person.partyMember,
    agencyId: person.agencyId,
    unitId: person.unitId,
    active: person.active,
  };
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly units: UnitsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly moves: PeopleMoves,
  ) {}

  async list(actor: Actor, query: PersonQueryDto): Promise<Page<PersonView>> {
    const agencyId = agencyFilterFor(actor, query.agencyId);
    const builder = this.people.createQueryBuilder('p');
    if (agencyId !== undefined) builder.andWhere('p.agencyId = :agencyId', { agencyId });
    if (query.unitId !== undefined)
      builder.andWhere('p.unitId = :unitId', { unitId: query.unitId });
    if (query.category) builder.andWhere('p.category = :category', { category: query.category });
    if (query.active !== undefined)
      builder.andWhere('p.active = :active', { active: query.active });
    const words = query.q ? foldDiacritics(query.q).split(' ').filter(Boolean) : [];
    words.slice(0, 6).forEach((word, index) => {
      // Each word is a prefix of some word of the name: an index range scan on (term, person_id).
      builder.andWhere(
        `(p.id IN (SELECT t${index}.person_id FROM person_search_terms t${index} WHERE t${index}.term LIKE :w${index})` +
          (index === 0 && words.length === 1 ? ` OR p.employeeCode LIKE :code)` : ')'),
        { [`w${index}`]: `${word}%`, code: `${query.q?.trim()}%` },
      );
    });
    const [rows, total] = await builder
      .orderBy('p.fullName')
      .addOrderBy('p.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(rows.map(personView), total, query);
  }

  async get(actor: Actor, id: number): Promise<PersonView> {
    const person = await this.require(id);
    assertInScope(actor, person.agencyId);
    return personView(person);
  }

  async require(id: number, manager?: EntityManager): Promise<PersonEntity> {
    const person = await (manager?.getRepository(PersonEntity) ?? this.people).findOneBy({ id });
    if (!person) throw new NotFound('Person', id);
    return person;
  }

  async create(actor: Actor, input: CreatePersonDto): Promise<PersonView> {
    assertInScope(actor, input.agencyId);
    return this.transactions.run(async (manager) => {
      await this.requireActiveAgency(manager, input.agencyId);
      if (input.unitId !== undefined)
        await this.units.requireInAgency(input.unitId, input.agencyId, 'unitId', manager);
      const repository = manager.getRepository(PersonEntity);
      if (await repository.existsBy({ employeeCode: input.employeeCode })) {
        throw new Conflict(`Employee code ${input.employeeCode} is taken`);
      }
      const now = new Date();
      const person = await repository.save(
        repository.create({
          employeeCode: input.employeeCode,
          fullName: input.fullName,
          position: input.position || null,
          category: input.category,
          partyMember: input.partyMember ?? false,
          agencyId: input.agencyId,
          unitId: input.unitId ?? null,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.writeSearchTerms(manager, person);
      await this.audit.record(manager, actor, {
        action: 'create',
        entity: 'person',
        entityId: person.id,
        after: personView(person),
      });
      return personView(person);
    });
  }

  async update(actor: Actor, id: number, input: UpdatePersonDto): Promise<PersonView> {
    return this.transactions.run(async (manager) => {
      const person = await this.require(id, manager);
      assertInScope(actor, person.agencyId);
      const before = personView(person);
      applyChanges(person, { ...input, updatedAt: new Date() });
      if (input.position === '') person.position = null;
      await manager.getRepository(PersonEntity).save(person);
      if (input.fullName !== undefined && input.fullName !== before.fullName)
        await this.writeSearchTerms(manager, person);
      if (person.fullName !== before.fullName || person.category !== before.category)
        await queueRankedSubjects(manager, 'person', [id]);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'person',
        entityId: id,
        before,
        after: personView(person),
      });
      return personView(person);
    });
  }

  /** Moves a person; evaluations already made keep the agency and unit of their time. */
  async transfer(actor: Actor, id: number, input: TransferPersonDto): Promise<PersonView> {
    const moved = await this.transactions.run(async (manager) => {
      const person = await this.require(id, manager);
      assertInScope(actor, person.agencyId);
      assertInScope(actor, input.agencyId);
      await this.requireActiveAgency(manager, input.agencyId);
      if (input.unitId !== undefined)
        await this.units.requireInAgency(input.unitId, input.agencyId, 'unitId', manager);
      const before = personView(person);
      person.agencyId = input.agencyId;
      person.unitId = input.unitId ?? null;
      person.updatedAt = new Date();
      await manager.getRepository(PersonEntity).save(person);
      await this.audit.record(manager, actor, {
        action: 'transfer',
        entity: 'person',
        entityId: id,
        before,
        after: personView(person),
      });
      return personView(person);
    });
    this.moves.moved();
    return moved;
  }

  /** Replaces a person's search words; used on create, rename and import. */
  async writeSearchTerms(
    manager: EntityManager,
    person: Pick<PersonEntity, 'id' | 'fullName'>,
  ): Promise<void> {
    const repository = manager.getRepository(PersonSearchTermEntity);
    await repository.delete({ personId: person.id });
    const terms = searchTermsOf(person.fullName).map((term) => ({ personId: person.id, term }));
    if (terms.length) await repository.insert(terms);
  }

  private async requireActiveAgency(manager: EntityManager, agencyId: number): Promise<void> {
    const agency = await manager.getRepository(AgencyEntity).findOneBy({ id: agencyId });
    if (!agency) throw ValidationFailed.field('agencyId', `agency ${agencyId} does not exist`);
    if (!agency.active) throw ValidationFailed.field('agencyId', `agency ${agencyId} is inactive`);
  }
}
