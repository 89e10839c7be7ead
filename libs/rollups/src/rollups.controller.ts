import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, Page } from '@app/core';
import { RollupRunQueryDto, RollupRunView, StartRollupDto } from './dto/rollup.dto';
import { RollupsService } from './rollups.service';

@ApiTags('rollups')
@Controller('rollups')
export class RollupsController {
  constructor(private readonly rollups: RollupsService) {}

  /** Starts a roll-up of a half or a year now; it runs in the background (see /rollups/runs). */
  @Allow('admin')
  @Post()
  @HttpCode(202)
  start(@CurrentActor() actor: Actor, @Body() body: StartRollupDto): Promise<RollupRunView> {
    return this.rollups.start(body.period, 'manual', actor.id);
  }

  /**
   * The record of runs, newest first. Read by those who act on roll-ups: admin, inspector,
   * nominators (candidates come from roll-ups) and department heads (their agency's results).
   */
  @Allow('admin', 'inspector', 'nominator', 'department_head')
  @Get('runs')
  runs(@Query() query: RollupRunQueryDto): Promise<Page<RollupRunView>> {
    return this.rollups.listRuns(query);
  }
}
