import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditRecordEntity } from './audit-record.entity';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash']);

function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, inner: unknown) =>
    SECRET_FIELDS.has(key) ? undefined : inner,
  );
}

/** Writes audit records inside the caller's transaction, so they commit with the change or not at all. */
@Injectable()
export class AuditWriter {
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.recordMany(manager, actor, [entry]);
  }

  async recordMany(
    manager: EntityManager,
    actor: Actor,
    entries: readonly AuditEntry[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const now = new Date();
    const rows = entries.map((entry) => ({
      occurredAt: now,
      actorId: actor.id || null,
      actorUsername: actor.username,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      beforeJson: snapshot(entry.before),
      afterJson: snapshot(entry.after),
      reason: entry.reason ?? null,
      requestId: actor.requestId,
    }));
    for (let start = 0; start < rows.length; start += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditRecordEntity)
        .values(rows.slice(start, start + 500))
        .updateEntity(false)
        .execute();
    }
  }
}
