import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor, Page } from '@app/core';
import { ClosePeriodDto, PeriodQueryDto, PeriodView, ReopenPeriodDto } from './dto/period.dto';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  /** The quarters known so far, newest first, open or closed. */
  @Allow(...ANY_ROLE)
  @Get()
  list(@Query() query: PeriodQueryDto): Promise<Page<PeriodView>> {
    return this.periods.list(query);
  }

  /** Closes a quarter: its evaluations and incidents accept no change (409 PERIOD_CLOSED). */
  @Allow('admin')
  @Post(':key/close')
  @HttpCode(200)
  close(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() _body: ClosePeriodDto,
  ): Promise<PeriodView> {
    return this.periods.close(actor, key);
  }

  /** Reopens a closed quarter, with a reason. */
  @Allow('admin')
  @Post(':key/reopen')
  @HttpCode(200)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: ReopenPeriodDto,
  ): Promise<PeriodView> {
    return this.periods.reopen(actor, key, body.reason);
  }
}
