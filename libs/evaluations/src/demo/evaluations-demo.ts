import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { dateRangeOf } from '@app/domain';
import { CriteriaService, type CriteriaSetDef } from '@app/criteria';
import { DemoContext, DemoSeeder, pick } from '@app/demo';
import { PersonEntity } from '@app/org';
import { EvaluationEntity } from '../evaluations/evaluation.entity';
import { scoreOf, type Values } from '../evaluations/evaluation-values';
import type { SubjectType } from '../evaluations/workflow';
import { IncidentEntity } from '../incidents/incident.entity';
import { InspectionEntity } from '../inspections/inspection.entity';
import { PeriodsService } from '../periods/periods.service';
import { demoValueOf, qualityOf } from './demo-values';

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
  quality: number;
}

/** The quarters of last year and the finished quarters of this year, oldest first. */
export function demoQuarters(now: Date): string[] {
  const year = now.getUTCFullYear();
  const current = Math.floor(now.getUTCMonth() / 3) + 1;
  const last = [1, 2, 3, 4].map((q) => `${year - 1}-Q${q}`);
  const finished = Array.from({ length: current - 1 }, (_, i) => `${year}-Q${i + 1}`);
  return [...last, ...finished];
}

/**
 * Demo data of this feature: the default criteria sets, approved evaluations of every active
 * person and agency for each finished quarter, a few incidents, an inspection per agency.
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
    await this.periods.ensureAll(manager, quarters);
    const subjects = await this.subjectsOf(manager, context);
    const incidents: Partial<IncidentEntity>[] = [];
    const evaluations: Partial<EvaluationEntity>[] = [];
    for (const quarter of quarters) {
      const { from } = dateRangeOf(quarter);
      const approvedAt = new Date(Date.parse(dateRangeOf(quarter).to) + 10 * 86_400_000);
      for (const subject of subjects) {
        const set = sets[subject.subjectType];
        const counts = this.incidentsOf(set, subject, quarter, from, context, incidents);
        const values: Values = {};
        for (const def of set.criteria) {
          const value = def.fromIncidents
            ? (counts.get(def.code) ?? 0)
            : demoValueOf(def, subject.quality, context.random);
          if (value !== undefined) values[def.code] = value;
        }
        const score = scoreOf(set, values);
        evaluations.push({
          subjectType: subject.subjectType,
          subjectId: subject.subjectId,
          agencyId: subject.agencyId,
          unitId: subject.unitId,
          period: quarter,
          criteriaSetId: set.id,
          status: 'approved',
          version: 3,
          total: score.total,
          grade: score.grade,
          disqualified: score.disqualified,
          valuesJson: JSON.stringify(values),
          notesJson: '{}',
          returnReason: null,
          submittedAt: new Date(approvedAt.getTime() - 3 * 86_400_000),
          approvedAt,
          approvedBy: context.actor.id || null,
          createdBy: context.actor.id,
          createdAt: approvedAt,
          updatedAt: approvedAt,
        });
      }
    }
    await insertInChunks(manager, IncidentEntity, incidents);
    await insertInChunks(manager, EvaluationEntity, evaluations);
    await insertInChunks(
      manager,
      InspectionEntity,
      this.inspectionsOf(context, quarters, evaluations),
    );
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
        quality: 0.6 + context.random() * 0.4,
      })),
      ...people.map((person) => ({
        subjectType: 'person' as const,
        subjectId: person.id,
        agencyId: person.agencyId,
        unitId: person.unitId,
        quality: qualityOf(context.random),
      })),
    ];
  }

  /** A few incidents: weaker subjects have more; disqualifying ones are rare. */
  private incidentsOf(
    set: CriteriaSetDef,
    subject: Subject,
    quarter: string,
    from: string,
    context: DemoContext,
    incidents: Partial<IncidentEntity>[],
  ): Map<string, number> {
    const counts = new Map<string, number>();
    for (const def of set.criteria.filter((criterion) => criterion.fromIncidents)) {
      const chance = (def.disqualifying ? 0.012 : 0.05) * (1.4 - subject.quality);
      if (subject.quality > 0.93 || context.random() >= chance) continue;
      counts.set(def.code, 1);
      const day = new Date(Date.parse(from) + Math.floor(context.random() * 85) * 86_400_000);
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

  /** One visit per agency in the last finished quarter, its checklist the evaluation's values. */
  private inspectionsOf(
    context: DemoContext,
    quarters: string[],
    evaluations: Partial<EvaluationEntity>[],
  ): Partial<InspectionEntity>[] {
    const quarter = quarters[quarters.length - 1];
    const visitedOn = new Date(Date.parse(dateRangeOf(quarter).from) + 40 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return evaluations
      .filter((e) => e.subjectType === 'agency' && e.period === quarter)
      .map((evaluation) => {
        const values = JSON.parse(evaluation.valuesJson!) as Values;
        const checklist = Object.fromEntries(
          Object.entries(values).filter(([code]) => code !== 'PHAN_ANH'),
        );
        return {
          agencyId: evaluation.subjectId!,
          period: quarter,
          visitedOn,
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
