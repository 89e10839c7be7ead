import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Allow } from '../auth/allow.decorator';
import { Page, pageOf } from '../http/page';
import { AuditQueryDto } from './audit-query.dto';
import { AuditRecordEntity } from './audit-record.entity';

export interface AuditRecordView {
  id: number;
  occurredAt: string;
  actorId: number | null;
  actorUsername: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>,
  ) {}

  /** The audit log, newest first, filtered and paged. */
  @Allow('admin')
  @Get()
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditRecordView>> {
    const builder = this.records.createQueryBuilder('a');
    if (query.entity) builder.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) builder.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.from) builder.andWhere('a.occurredAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('a.occurredAt < :to', { to: new Date(query.to) });
    const [rows, total] = await builder
      .orderBy('a.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    const items = rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorId: row.actorId,
      actorUsername: row.actorUsername,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: parseJson(row.beforeJson),
      after: parseJson(row.afterJson),
      reason: row.reason,
      requestId: row.requestId,
    }));
    return pageOf(items, total, query);
  }
}
