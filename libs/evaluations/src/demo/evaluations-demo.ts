import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { dateRangeOf } from '@app/domain';
import { CriteriaService, type CriteriaSetDef } from '@app/criteria';
import { DemoContext, DemoSeeder, pick } from '@app/demo';
import { PersonEntity } from '@app/org';
import { EvaluationEntity } from '../evaluations/evaluation.entity';
import { scoreOf, type Values } from '../evaluations/evaluation-values';
import type { EvaluationStatus, SubjectType } from '../evaluations/workflow';
import { IncidentEntity } from '../incidents/incident.entity';
import { InspectionEntity } from '../inspections/inspection.entity';
import { PeriodsService } from '../periods/periods.service';
import { agencyBaseLevel, demoValueOf, levelOf, nextDrift, personBaseLevel } from './demo-values';

const CHUNK = 200;

const INCIDENT_NOTES: Record<SubjectType, string[]> = {
  person: [
    'Công dân phản ánh thái độ thiếu niềm nở khi tiếp nhận hồ sơ',
    'Hút thuốc lá trong phòng làm việc',
    'Không đeo thẻ công chức khi tiếp công dân',
    'Phản ánh qua đường dây nóng về cách giao tiếp',
  ],
  agency: [
    'Phản ánh về thái độ phục vụ tại bộ phận một cửa',
    'Công dân phản ánh chậm trả kết quả hồ sơ',
  ],
};

interface Subject {
  subjectType: SubjectType;
  subjectId: number;
  agencyId: number;
  unitId: number | null;
  /** Usual level, 0 to 1, and this quarter's drift from it. */
  base: number;
  drift: number;
}

type CurrentStatus = EvaluationStatus | null;

const DAY = 86_400_000;
/** The agency whose current quarter is scripted for the demo users (SPEC §12). */
const SCRIPTED_AGENCY = 'STC';
/** A person misses a finished quarter now and then (leave, arrival): coverage below 100 %. */
const SKIP_CHANCE = 0.015;
const RETURN_REASON =
  'Đề nghị bổ sung minh chứng tỷ lệ nhiệm vụ hoàn thành đúng hạn; điểm tham gia phong trào chưa khớp biên bản họp phòng.';

/** The quarters of last year and the finished quarters of this year, oldest first. */
export function demoQuarters(now: Date): string[] {
  const year = now.getUTCFullYear();
  const current = Math.floor(now.getUTCMonth() / 3) + 1;
  const last = [1, 2, 3, 4].map((q) => `${year - 1}-Q${q}`);
  const finished = Array.from({ length: current - 1 }, (_, i) => `${year}-Q${i + 1}`);
  return [...last, ...finished];
}

/** The quarter `now` falls in: partly entered in the demo. */
export function demoCurrentQuarter(now: Date): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/**
 * Where an agency's current quarter stands for one person: shares of approved, submitted and
 * draft evaluations (the rest not started). The scripted agency has a fixed mix; the others
 * are further along or behind.
 */
function currentMixOf(agencyCode: string, random: () => number): [number, number, number] {
  if (agencyCode === SCRIPTED_AGENCY) return [0.25, 0.5, 0.72];
  const progress = 0.3 + 0.6 * random();
  return [progress * 0.3, progress * 0.6, progress];
}

/**
 * Demo data of this feature: the default criteria sets; approved evaluations of every active
 * person and agency for each finished quarter (a few people missing a quarter), with levels
 * that spread and move like real conduct scores; the current quarter partly entered (approved,
 * submitted, drafts, one returned with its reason); a few incidents; an inspection per agency.
 * Written with multi-row inserts.
 */
@Injectable()
export class EvaluationsDemo implements OnModuleInit {
  constructor(
    private readonly demo: DemoSeeder,
    private readonly criteria: CriteriaService,
    private readonly periods: PeriodsService,
  ) {}

  onModuleInit(): void {
    this.demo.addStep({
      name: 'criteria sets, evaluations, incidents and inspections',
      order: 10,
      run: (manager, context) => this.seed(manager, context),
    });
  }

  async seed(manager: EntityManager, context: DemoContext): Promise<void> {
    await this.criteria.loadDefaultCriteria(manager, context.actor);
    const sets: Record<SubjectType, CriteriaSetDef> = {
      person: await this.criteria.newestPublished('person', manager),
      agency: await this.criteria.newestPublished('agency', manager),
    };
    const quarters = demoQuarters(context.now);
    const current = demoCurrentQuarter(context.now);
    await this.periods.ensureAll(manager, [...quarters, current]);
    const subjects = await this.subjectsOf(manager, context);
    const incidents: Partial<IncidentEntity>[] = [];
    const evaluations: Partial<EvaluationEntity>[] = [];
    const { random } = context;
    for (const quarter of quarters) {
      const { from, to } = dateRangeOf(quarter);
      const approvedAt = new Date(Date.parse(to) + 10 * DAY);
      for (const subject of subjects) {
        subject.drift = nextDrift(subject.drift, random);
        if (subject.subjectType === 'person' && random() < SKIP_CHANCE) continue;
        const values = this.valuesOf(sets, subject, quarter, from, 85, context, incidents);
        evaluations.push({
          ...this.rowOf(sets, subject, quarter, values, context),
          status: 'approved',
          version: 3,
          submittedAt: new Date(approvedAt.getTime() - 3 * DAY),
          approvedAt,
          approvedBy: context.actor.id || null,
          createdAt: approvedAt,
          updatedAt: approvedAt,
        });
      }
    }
    evaluations.push(...this.currentQuarterOf(sets, subjects, current, context, incidents));
    await insertInChunks(manager, IncidentEntity, incidents);
    await insertInChunks(manager, EvaluationEntity, evaluations);
    await insertInChunks(
      manager,
      InspectionEntity,
      this.inspectionsOf(context, quarters, evaluations),
    );
  }

  /**
   * The quarter under way: each agency's people approved, submitted, in draft (some with values
   * still missing) or not started; in the scripted agency exactly one returned with its reason;
   * a few agencies' own evaluations in draft for the inspectors. Incidents up to yesterday.
   */
  private currentQuarterOf(
    sets: Record<SubjectType, CriteriaSetDef>,
    subjects: Subject[],
    quarter: string,
    context: DemoContext,
    incidents: Partial<IncidentEntity>[],
  ): Partial<EvaluationEntity>[] {
    const { random, now } = context;
    const { from } = dateRangeOf(quarter);
    const daysSoFar = Math.floor((now.getTime() - Date.parse(from)) / DAY);
    const codeOf = new Map(context.agencies.map((a) => [a.id, a.code]));
    const mixes = new Map(
      context.agencies.map((a) => [a.id, currentMixOf(a.code, random)] as const),
    );
    const rows: Partial<EvaluationEntity>[] = [];
    let returned = false;
    for (const subject of subjects) {
      subject.drift = nextDrift(subject.drift, random);
      const values = this.valuesOf(sets, subject, quarter, from, daysSoFar, context, incidents);
      let status: CurrentStatus;
      if (subject.subjectType === 'agency') {
        status = random() < 0.4 ? 'draft' : null;
      } else {
        const [approved, submitted, draft] = mixes.get(subject.agencyId)!;
        const draw = random();
        status =
          draw < approved
            ? 'approved'
            : draw < submitted
              ? 'submitted'
              : draw < draft
                ? 'draft'
                : null;
        if (
          status === 'submitted' &&
          !returned &&
          codeOf.get(subject.agencyId) === SCRIPTED_AGENCY
        ) {
          status = 'returned';
          returned = true;
        }
      }
      if (status === null) continue;
      if (status === 'draft' && random() < 0.5) {
        const typed = sets[subject.subjectType].criteria.filter(
          (d) => !d.fromIncidents && !d.bonus,
        );
        delete values[pick(random, typed).code];
      }
      const created = new Date(now.getTime() - (3 + Math.floor(random() * 12)) * DAY);
      const submitted =
        status === 'draft' ? null : new Date(now.getTime() - (1 + Math.floor(random() * 2)) * DAY);
      rows.push({
        ...this.rowOf(sets, subject, quarter, values, context),
        status,
        version: status === 'draft' ? 1 : status === 'submitted' ? 2 : 3,
        returnReason: status === 'returned' ? RETURN_REASON : null,
        submittedAt: submitted,
        approvedAt: status === 'approved' ? new Date(now.getTime() - 3_600_000) : null,
        approvedBy: status === 'approved' ? context.actor.id || null : null,
        createdAt: created,
        updatedAt: submitted ?? created,
      });
    }
    return rows;
  }

  /** A subject's values of the quarter at its level, the incident counts recorded with them. */
  private valuesOf(
    sets: Record<SubjectType, CriteriaSetDef>,
    subject: Subject,
    quarter: string,
    from: string,
    days: number,
    context: DemoContext,
    incidents: Partial<IncidentEntity>[],
  ): Values {
    const set = sets[subject.subjectType];
    const level = levelOf(subject.base, subject.drift);
    const counts = this.incidentsOf(set, subject, level, quarter, from, days, context, incidents);
    const values: Values = {};
    for (const def of set.criteria) {
      const value = def.fromIncidents
        ? (counts.get(def.code) ?? 0)
        : demoValueOf(def, level, context.random);
      if (value !== undefined) values[def.code] = value;
    }
    return values;
  }

  /** The columns every demo evaluation shares; status and times are the caller's. */
  private rowOf(
    sets: Record<SubjectType, CriteriaSetDef>,
    subject: Subject,
    quarter: string,
    values: Values,
    context: DemoContext,
  ): Partial<EvaluationEntity> {
    const set = sets[subject.subjectType];
    const score = scoreOf(set, values);
    return {
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      agencyId: subject.agencyId,
      unitId: subject.unitId,
      period: quarter,
      criteriaSetId: set.id,
      total: score.total,
      grade: score.grade,
      disqualified: score.disqualified,
      valuesJson: JSON.stringify(values),
      notesJson: '{}',
      returnReason: null,
      createdBy: context.actor.id,
    };
  }

  private async subjectsOf(manager: EntityManager, context: DemoContext): Promise<Subject[]> {
    const people = await manager.getRepository(PersonEntity).find({
      select: { id: true, agencyId: true, unitId: true },
      where: { active: true },
      order: { id: 'ASC' },
    });
    const agencies = context.agencies.filter((agency) => agency.active);
    return [
      ...agencies.map((agency) => ({
        subjectType: 'agency' as const,
        subjectId: agency.id,
        agencyId: agency.id,
        unitId: null,
        base: agencyBaseLevel(context.random),
        drift: 0,
      })),
      ...people.map((person) => ({
        subjectType: 'person' as const,
        subjectId: person.id,
        agencyId: person.agencyId,
        unitId: person.unitId,
        base: personBaseLevel(context.random),
        drift: 0,
      })),
    ];
  }

  /** A few incidents in the quarter's first `days` days: weaker subjects have more; disqualifying ones are rare. */
  private incidentsOf(
    set: CriteriaSetDef,
    subject: Subject,
    level: number,
    quarter: string,
    from: string,
    days: number,
    context: DemoContext,
    incidents: Partial<IncidentEntity>[],
  ): Map<string, number> {
    const counts = new Map<string, number>();
    if (days < 1) return counts;
    for (const def of set.criteria.filter((criterion) => criterion.fromIncidents)) {
      const chance = (def.disqualifying ? 0.01 : 0.05) * (1.3 - level);
      if (context.random() >= chance) continue;
      counts.set(def.code, 1);
      const day = new Date(Date.parse(from) + Math.floor(context.random() * days) * DAY);
      incidents.push({
        subjectType: subject.subjectType,
        subjectId: subject.subjectId,
        agencyId: subject.agencyId,
        criterionCode: def.code,
        occurredOn: day.toISOString().slice(0, 10),
        period: quarter,
        note: pick(context.random, INCIDENT_NOTES[subject.subjectType]),
        deletedAt: null,
        createdBy: context.actor.id,
        createdAt: context.now,
      });
    }
    return counts;
  }

  /**
   * One visit per agency in the last finished quarter, and one to each agency whose evaluation
   * of the quarter under way is a draft (a week ago): the checklist is the evaluation's values.
   */
  private inspectionsOf(
    context: DemoContext,
    quarters: string[],
    evaluations: Partial<EvaluationEntity>[],
  ): Partial<InspectionEntity>[] {
    const last = quarters[quarters.length - 1];
    const current = demoCurrentQuarter(context.now);
    const lastVisit = new Date(Date.parse(dateRangeOf(last).from) + 40 * DAY);
    const recentVisit = new Date(
      Math.max(Date.parse(dateRangeOf(current).from), context.now.getTime() - 7 * DAY),
    );
    const visits = new Map([
      [last, lastVisit.toISOString().slice(0, 10)],
      [current, recentVisit.toISOString().slice(0, 10)],
    ]);
    return evaluations
      .filter((e) => e.subjectType === 'agency' && visits.has(e.period!))
      .map((evaluation) => {
        const values = JSON.parse(evaluation.valuesJson!) as Values;
        const checklist = Object.fromEntries(
          Object.entries(values).filter(([code]) => code !== 'PHAN_ANH'),
        );
        return {
          agencyId: evaluation.subjectId!,
          period: evaluation.period!,
          visitedOn: visits.get(evaluation.period!)!,
          leader: 'Nguyễn Văn Thành - Phó Giám đốc Sở Văn hóa và Thể thao',
          membersJson: JSON.stringify([
            'Trần Thị Minh Phương - Sở Nội vụ',
            'Lê Quang Huy - Sở Văn hóa và Thể thao',
            'Phạm Thu Hà - Văn phòng UBND thành phố',
          ]),
          strengths:
            'Cung cấp trực tuyến toàn bộ thủ tục hành chính; bộ phận một cửa không có phản ánh về thái độ phục vụ; quy tắc ứng xử được niêm yết công khai.',
          shortcomings:
            'Còn tỷ lệ hồ sơ giải quyết quá hạn; một số cán bộ chưa đeo thẻ công chức, còn hút thuốc lá tại công sở; một số phòng làm việc chưa có biển tên; công tác giám sát nội bộ còn hạn chế.',
          recommendations:
            'Tăng cường kiểm tra, giám sát nội bộ việc thực hiện quy tắc ứng xử; gắn biển tên đầy đủ; xử lý nghiêm các trường hợp vi phạm.',
          checklistJson: JSON.stringify(checklist),
          createdBy: context.actor.id,
          createdAt: context.now,
          updatedAt: context.now,
        };
      });
  }
}

async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: Partial<T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + CHUNK) as never)
      .updateEntity(false)
      .execute();
  }
}
