import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, AuditWriter, Conflict, NotFound, Page, pageOf, Transactions } from '@app/core';
import { resolveThresholds } from '@app/domain';
import { CriteriaSetEntity, CriteriaTarget } from './criteria-set.entity';
import {
  criteriaOf,
  CriteriaSetDef,
  criteriaSetDef,
  criteriaSetView,
  normalizeCriterion,
  thresholdsOf,
} from './criteria-set.view';
import { assertValidCriteriaSet } from './criteria-validation';
import { readDefaultCriteria } from './default-criteria';
import {
  CreateCriteriaSetDto,
  CriteriaSetQueryDto,
  CriteriaSetView,
  UpdateCriteriaSetDto,
} from './dto/criteria-set.dto';

const TARGET_LABELS: Record<CriteriaTarget, string> = { person: 'people', agency: 'agencies' };

@Injectable()
export class CriteriaService {
  /** Published sets never change, so what evaluations read of them is kept. */
  private readonly publishedById = new Map<number, CriteriaSetDef>();

  constructor(
    @InjectRepository(CriteriaSetEntity) private readonly sets: Repository<CriteriaSetEntity>,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
  ) {}

  async list(query: CriteriaSetQueryDto): Promise<Page<CriteriaSetView>> {
    const builder = this.sets.createQueryBuilder('s');
    if (query.target) builder.andWhere('s.target = :target', { target: query.target });
    if (query.status) builder.andWhere('s.status = :status', { status: query.status });
    if (query.code) builder.andWhere('s.code = :code', { code: query.code });
    const [rows, total] = await builder
      .orderBy('s.code')
      .addOrderBy('s.version', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return pageOf(rows.map(criteriaSetView), total, query);
  }

  async get(id: number): Promise<CriteriaSetView> {
    return criteriaSetView(await this.require(id));
  }

  async create(actor: Actor, input: CreateCriteriaSetDto): Promise<CriteriaSetView> {
    return this.transactions.run((manager) => this.createDraft(manager, actor, input));
  }

  async update(actor: Actor, id: number, input: UpdateCriteriaSetDto): Promise<CriteriaSetView> {
    return this.transactions.run(async (manager) => {
      const set = await this.require(id, manager);
      if (set.status !== 'draft') {
        throw new Conflict(
          `Criteria set ${set.code} v${set.version} is published and never changes; make a new version`,
        );
      }
      const before = criteriaSetView(set);
      const criteria = input.criteria ? input.criteria.map(normalizeCriterion) : criteriaOf(set);
      const thresholds = input.thresholds ? resolveThresholds(input.thresholds) : thresholdsOf(set);
      assertValidCriteriaSet(criteria, thresholds);
      Object.assign(set, {
        name: input.name ?? set.name,
        target: input.target ?? set.target,
        thresholdA: thresholds.A,
        thresholdB: thresholds.B,
        thresholdC: thresholds.C,
        criteriaJson: JSON.stringify(criteria),
        updatedAt: new Date(),
      });
      await manager.getRepository(CriteriaSetEntity).save(set);
      const after = criteriaSetView(set);
      await this.audit.record(manager, actor, {
        action: 'update',
        entity: 'criteria_set',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async publish(actor: Actor, id: number): Promise<CriteriaSetView> {
    return this.transactions.run((manager) => this.publishIn(manager, actor, id));
  }

  /** A new draft copying a published set, one version up. */
  async newVersion(actor: Actor, id: number): Promise<CriteriaSetView> {
    return this.transactions.run(async (manager) => {
      const source = await this.require(id, manager);
      if (source.status !== 'published') {
        throw new Conflict(`Criteria set ${source.code} v${source.version} is still a draft`);
      }
      const repository = manager.getRepository(CriteriaSetEntity);
      const sameCode = await repository.find({ where: { code: source.code } });
      const draft = sameCode.find((set) => set.status === 'draft');
      if (draft) {
        throw new Conflict(`Criteria set ${source.code} already has a draft: v${draft.version}`);
      }
      const now = new Date();
      const copy = await repository.save(
        repository.create({
          code: source.code,
          version: Math.max(...sameCode.map((set) => set.version)) + 1,
          name: source.name,
          target: source.target,
          status: 'draft',
          thresholdA: source.thresholdA,
          thresholdB: source.thresholdB,
          thresholdC: source.thresholdC,
          criteriaJson: source.criteriaJson,
          publishedAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const after = criteriaSetView(copy);
      await this.audit.record(manager, actor, {
        action: 'new_version',
        entity: 'criteria_set',
        entityId: copy.id,
        after,
        reason: `from ${source.code} v${source.version}`,
      });
      return after;
    });
  }

  /** The set a new evaluation of `target` uses: the newest published one (SPEC §3). */
  async newestPublished(target: CriteriaTarget, manager?: EntityManager): Promise<CriteriaSetDef> {
    const newest = await this.repositoryOf(manager)
      .createQueryBuilder('s')
      .where('s.target = :target AND s.status = :status', { target, status: 'published' })
      .orderBy('s.publishedAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getOne();
    if (!newest)
      throw new Conflict(`There is no published criteria set for ${TARGET_LABELS[target]}`);
    return this.remember(newest);
  }

  /** The rules of one set, for scoring an evaluation made with it. */
  async getSet(id: number, manager?: EntityManager): Promise<CriteriaSetDef> {
    const known = this.publishedById.get(id);
    if (known) return known;
    return this.remember(await this.require(id, manager));
  }

  /**
   * Creates and publishes each default set of config/criteria whose code has no set yet.
   * Used by the demo seed and the CLI; returns the codes it created.
   */
  async loadDefaultCriteria(manager: EntityManager, actor: Actor): Promise<string[]> {
    const created: string[] = [];
    for (const input of readDefaultCriteria()) {
      if (await manager.getRepository(CriteriaSetEntity).existsBy({ code: input.code })) continue;
      const draft = await this.createDraft(manager, actor, input);
      await this.publishIn(manager, actor, draft.id);
      created.push(input.code);
    }
    return created;
  }

  private async createDraft(
    manager: EntityManager,
    actor: Actor,
    input: CreateCriteriaSetDto,
  ): Promise<CriteriaSetView> {
    const criteria = input.criteria.map(normalizeCriterion);
    const thresholds = resolveThresholds(input.thresholds);
    assertValidCriteriaSet(criteria, thresholds);
    const repository = manager.getRepository(CriteriaSetEntity);
    if (await repository.existsBy({ code: input.code })) {
      throw new Conflict(
        `Criteria set code ${input.code} is taken; POST /criteria-sets/:id/versions makes a new version`,
      );
    }
    const now = new Date();
    const set = await repository.save(
      repository.create({
        code: input.code,
        version: 1,
        name: input.name,
        target: input.target,
        status: 'draft',
        thresholdA: thresholds.A,
        thresholdB: thresholds.B,
        thresholdC: thresholds.C,
        criteriaJson: JSON.stringify(criteria),
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const after = criteriaSetView(set);
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'criteria_set',
      entityId: set.id,
      after,
    });
    return after;
  }

  private async publishIn(
    manager: EntityManager,
    actor: Actor,
    id: number,
  ): Promise<CriteriaSetView> {
    const set = await this.require(id, manager);
    if (set.status !== 'draft') {
      throw new Conflict(`Criteria set ${set.code} v${set.version} is already published`);
    }
    const now = new Date();
    set.status = 'published';
    set.publishedAt = now;
    set.updatedAt = now;
    await manager.getRepository(CriteriaSetEntity).save(set);
    const after = criteriaSetView(set);
    await this.audit.record(manager, actor, {
      action: 'publish',
      entity: 'criteria_set',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'published', publishedAt: now },
    });
    return after;
  }

  private remember(set: CriteriaSetEntity): CriteriaSetDef {
    const def = criteriaSetDef(set);
    if (set.status === 'published') this.publishedById.set(set.id, def);
    return def;
  }

  private async require(id: number, manager?: EntityManager): Promise<CriteriaSetEntity> {
    const set = await this.repositoryOf(manager).findOneBy({ id });
    if (!set) throw new NotFound('Criteria set', id);
    return set;
  }

  private repositoryOf(manager?: EntityManager): Repository<CriteriaSetEntity> {
    return manager?.getRepository(CriteriaSetEntity) ?? this.sets;
  }
}
