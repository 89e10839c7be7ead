import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AnswerReplay } from '@app/core';
import { parsePeriod, previousPeriod } from '@app/domain';
import { PeopleMoves } from '@app/org';
import { RankingVersions } from './ranking-versions.service';
import type { SubjectType } from './rankings.queries';

/**
 * The ranking reads replayed before Nest's pipeline (AnswerReplay), with what each depends on
 * besides the caller's role and agency: a page, the versions of its period and the previous one
 * (the reader's own cache keys); a history, every version of its subject type, and the people's
 * moves (a person's agency decides who may read the history).
 */
@Injectable()
export class RankingReplays implements OnModuleInit {
  constructor(
    private readonly replay: AnswerReplay,
    private readonly versions: RankingVersions,
    private readonly moves: PeopleMoves,
  ) {}

  onModuleInit(): void {
    this.replay.register('/rankings', (query) => this.pageStamp(query));
    this.replay.register('/rankings/history', (query) => this.historyStamp(query));
  }

  private pageStamp(query: Record<string, unknown>): string {
    const subjectType = query.subjectType as SubjectType;
    const period = parsePeriod(String(query.period));
    // No answer of such a query is held (it is refused): any stamp will do.
    if (!period) return '';
    const previous = previousPeriod(period.key);
    return `${this.versions.get(period.key, subjectType)}|${this.versions.get(previous, subjectType)}`;
  }

  private historyStamp(query: Record<string, unknown>): string {
    return `${this.versions.sum(query.subjectType as SubjectType)}|${this.moves.generation}`;
  }
}
