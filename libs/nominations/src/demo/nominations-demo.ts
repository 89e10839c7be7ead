import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, AuditWriter } from '@app/core';
import { DemoContext, DemoSeeder } from '@app/demo';
import type { AgencyEntity } from '@app/org';
import { CandidatesService } from '../candidates/candidates.service';
import type { JudgedSubject } from '../candidates/candidate-verdicts';
import { NominationEntryEntity } from '../lists/nomination-entry.entity';
import { NominationListEntity } from '../lists/nomination-list.entity';

const DEMO_AGENCY_CODE = 'STC';
const MAX_ENTRIES = 8;
/** With fewer candidates than this, the best-ranked others are added with an override reason. */
const MIN_ENTRIES = 3;

const ACHIEVEMENTS = [
  'Hoàn thành xuất sắc nhiệm vụ được giao; 100% hồ sơ giải quyết đúng hạn, không có phản ánh của công dân về thái độ phục vụ.',
  'Gương mẫu chấp hành quy tắc ứng xử; luôn đeo thẻ công chức, tận tình hướng dẫn công dân tại bộ phận một cửa.',
  'Có sáng kiến số hóa quy trình tiếp nhận hồ sơ, rút ngắn thời gian giải quyết thủ tục hành chính.',
  'Tích cực tham gia phong trào thi đua, được đồng nghiệp và nhân dân tín nhiệm; không vi phạm kỷ luật công vụ.',
  'Chủ động tuyên truyền quy tắc ứng xử trong đơn vị; đi đầu trong xây dựng văn hóa công sở.',
  'Xử lý đúng hạn toàn bộ hồ sơ được phân công, phối hợp tốt với các phòng, ban trong cơ quan.',
  'Thực hiện nghiêm nội quy cơ quan, thái độ giao tiếp chuẩn mực, lịch sự với công dân và doanh nghiệp.',
  'Hoàn thành vượt mức chỉ tiêu công việc năm, là tấm gương tiêu biểu trong thực hiện quy tắc ứng xử.',
];

/**
 * Demo data of this feature: a draft nomination list of last year for the Department of Finance
 * with its exemplary candidates, so that a new user finds a list to export at once. It runs after
 * the roll-ups step, which wrote the year's results.
 */
@Injectable()
export class NominationsDemo implements OnModuleInit {
  private readonly logger = new Logger('NominationsDemo');

  constructor(
    private readonly demo: DemoSeeder,
    private readonly candidates: CandidatesService,
    private readonly audit: AuditWriter,
  ) {}

  onModuleInit(): void {
    this.demo.addStep({
      name: 'nomination list of the Department of Finance',
      order: 30,
      run: (manager, context) => this.seed(manager, context),
    });
  }

  async seed(manager: EntityManager, context: DemoContext): Promise<void> {
    const agency = context.agencies.find((a) => a.code === DEMO_AGENCY_CODE);
    if (!agency) return;
    const year = String(context.now.getUTCFullYear() - 1);
    if (!(await this.createList(manager, context.actor, agency, year))) {
      this.logger.warn(`No roll-up of ${year} in the demo data: no demo nomination list`);
    }
  }

  /** Creates the list from the year's roll-ups; false when there are none yet. */
  async createList(
    manager: EntityManager,
    actor: Actor,
    agency: AgencyEntity,
    year: string,
  ): Promise<boolean> {
    const judged = await this.candidates.judge(manager, {
      period: year,
      subjectType: 'person',
      agencyId: agency.id,
    });
    if (judged.length === 0) return false;
    const lists = manager.getRepository(NominationListEntity);
    if (await lists.existsBy({ agencyId: agency.id, period: year })) return true;
    const now = new Date();
    const list = await lists.save(
      lists.create({
        title: `Danh sách đề nghị khen thưởng gương điển hình tiên tiến năm ${year}`,
        period: year,
        subjectType: 'person',
        agencyId: agency.id,
        status: 'draft',
        decisionNumber: null,
        decisionDate: null,
        submittedAt: null,
        submittedBy: null,
        decidedAt: null,
        decidedBy: null,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const chosen = pickNominees(judged);
    const entries = chosen.map((subject, index) => ({
      listId: list.id,
      period: year,
      subjectType: 'person' as const,
      subjectId: subject.subjectId,
      agencyId: subject.agencyId,
      achievement: ACHIEVEMENTS[index % ACHIEVEMENTS.length],
      overrideReason: subject.verdict.isCandidate
        ? null
        : 'Đề nghị theo kết quả xếp hạng cao của cơ quan',
      candidate: subject.verdict.isCandidate,
      total: subject.total,
      grade: subject.grade,
      scopeRank: subject.rank,
      rankedOf: subject.rankedOf,
      standing: 1,
      createdBy: actor.id,
      createdAt: now,
    }));
    await manager.getRepository(NominationEntryEntity).insert(entries);
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'nomination_list',
      entityId: list.id,
      after: { title: list.title, period: year, agencyId: agency.id, entries: entries.length },
    });
    return true;
  }
}

/** The candidates first (best first); topped up with the best-ranked others when too few. */
function pickNominees(judged: JudgedSubject[]): JudgedSubject[] {
  const candidates = judged.filter((s) => s.verdict.isCandidate).slice(0, MAX_ENTRIES);
  if (candidates.length >= MIN_ENTRIES) return candidates;
  const others = judged
    .filter((s) => !s.verdict.isCandidate && s.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .slice(0, MIN_ENTRIES - candidates.length);
  return [...candidates, ...others];
}
