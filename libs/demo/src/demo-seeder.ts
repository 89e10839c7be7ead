import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, AuditWriter, hashPassword, Transactions, UserEntity } from '@app/core';
import {
  AgencyEntity,
  PersonEntity,
  PersonSearchTermEntity,
  searchTermsOf,
  UnitEntity,
  PERSON_CATEGORIES,
} from '@app/org';
import {
  DEMO_AGENCIES,
  DEMO_PASSWORD,
  DEMO_POSITIONS,
  DEMO_UNITS,
  DEMO_USERS,
  PEOPLE_PER_AGENCY,
} from './demo-organisation';
import { pick, seededRandom, vietnameseName } from './vietnamese-names';

/** One part of the demo data; later features add their own steps after the organisation. */
export interface DemoStep {
  name: string;
  /** Steps run by ascending order: evaluations 10, roll-ups 20, nominations 30. */
  order: number;
  run(manager: EntityManager, context: DemoContext): Promise<void>;
}

export interface DemoContext {
  actor: Actor;
  now: Date;
  random: () => number;
  agencies: AgencyEntity[];
}

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');
  private readonly steps: DemoStep[] = [];

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  /** Registers a later feature's part of the demo (criteria, evaluations, …). */
  addStep(step: DemoStep): void {
    this.steps.push(step);
    this.steps.sort((a, b) => a.order - b.order);
  }

  async isEmpty(): Promise<boolean> {
    const [{ count }] = await this.transactions.dataSource.query(
      'SELECT COUNT(*) AS count FROM agencies',
    );
    return Number(count) === 0;
  }

  /** Writes the whole demo in one transaction; does nothing when agencies already exist. */
  async seed(actor: Actor, now = new Date()): Promise<boolean> {
    if (!(await this.isEmpty())) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.transactions.run(async (manager) => {
      const context: DemoContext = { actor, now, random: seededRandom(2025), agencies: [] };
      context.agencies = await this.seedOrganisation(manager, context);
      await this.seedUsers(manager, context, passwordHash);
      for (const step of this.steps) {
        this.logger.log(`Seeding ${step.name}`);
        await step.run(manager, context);
      }
      await this.audit.record(manager, actor, {
        action: 'seed',
        entity: 'demo',
        entityId: 'demo',
        after: { agencies: context.agencies.length },
      });
    });
    return true;
  }

  private async seedOrganisation(
    manager: EntityManager,
    context: DemoContext,
  ): Promise<AgencyEntity[]> {
    const { now, random } = context;
    const agencies = await manager.getRepository(AgencyEntity).save(
      DEMO_AGENCIES.map((agency) => ({
        ...agency,
        active: true,
        createdAt: now,
        updatedAt: now,
      })),
    );
    let employeeNumber = 0;
    for (const agency of agencies) {
      const units = new Map<string, UnitEntity>();
      for (const unit of DEMO_UNITS) {
        const parentId = unit.parent ? units.get(unit.parent)!.id : null;
        const saved = await manager.getRepository(UnitEntity).save({
          agencyId: agency.id,
          parentId,
          code: unit.code,
          name: unit.name,
          active: true,
          createdAt: now,
          updatedAt: now,
        });
        units.set(unit.code, saved);
      }
      const unitList = [...units.values()];
      const people = Array.from({ length: PEOPLE_PER_AGENCY }, (_, index) => ({
        employeeCode: `${agency.code}-${String(++employeeNumber).padStart(4, '0')}`,
        fullName: agency.code === 'STC' && index === 0 ? 'Nguyễn Thị Hoà' : vietnameseName(random),
        position: index === 0 ? 'Giám đốc' : pick(random, DEMO_POSITIONS.slice(2)),
        category: index < 3 ? 'cadre' : pick(random, PERSON_CATEGORIES.slice(1)),
        partyMember: random() < 0.4,
        agencyId: agency.id,
        unitId: pick(random, unitList).id,
        active: true,
        createdAt: now,
        updatedAt: now,
      }));
      const saved = await manager.getRepository(PersonEntity).save(people, { chunk: 100 });
      const terms = saved.flatMap((person) =>
        searchTermsOf(person.fullName).map((term) => ({ personId: person.id, term })),
      );
      await manager.getRepository(PersonSearchTermEntity).insert(terms);
    }
    return agencies;
  }

  private async seedUsers(
    manager: EntityManager,
    context: DemoContext,
    passwordHash: string,
  ): Promise<void> {
    const agencyId = (code: string | null) =>
      code ? context.agencies.find((a) => a.code === code)!.id : null;
    const existing = new Set(
      (await manager.getRepository(UserEntity).find({ select: { username: true } })).map(
        (u) => u.username,
      ),
    );
    const users = DEMO_USERS.filter((user) => !existing.has(user.username)).map((user) => ({
      username: user.username,
      passwordHash,
      role: user.role,
      agencyId: agencyId(user.agency),
      active: true,
      createdAt: context.now,
      updatedAt: context.now,
    }));
    if (users.length) await manager.getRepository(UserEntity).insert(users);
  }
}
