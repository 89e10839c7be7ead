import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor } from '@app/core';
import {
  RankingHistoryQueryDto,
  RankingHistoryView,
  RankingPageView,
  RankingQueryDto,
} from './dto/ranking.dto';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller('rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  /**
   * Ranks of a quarter (approved evaluations) or of a half or year (roll-ups). Agencies:
   * city-wide, for every role. People: city-wide for city-wide roles; agency-bound roles read
   * their own agency (the default for them) or one of its units.
   */
  @Allow(...ANY_ROLE)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: RankingQueryDto): Promise<RankingPageView> {
    return this.rankings.list(actor, query);
  }

  /** A subject's rank in every period it was ranked in, newest first. */
  @Allow(...ANY_ROLE)
  @Get('history')
  history(
    @CurrentActor() actor: Actor,
    @Query() query: RankingHistoryQueryDto,
  ): Promise<RankingHistoryView> {
    return this.rankings.history(actor, query);
  }
}
