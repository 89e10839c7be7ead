import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/core';
import { ExemplaryQueryDto, ExemplaryView } from '../dto/exemplary.dto';
import { CandidatesService } from './candidates.service';

@ApiTags('exemplary')
@Controller('exemplary')
export class ExemplaryController {
  constructor(private readonly candidates: CandidatesService) {}

  /**
   * Exemplary candidates of a half or a year: roll-ups that pass the five checks of SPEC §7, with
   * every check and its Vietnamese reason; `nearMisses=true` adds those failing exactly one.
   */
  @Allow('admin', 'nominator', 'department_head', 'inspector')
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ExemplaryQueryDto): Promise<ExemplaryView> {
    return this.candidates.list(actor, query);
  }
}
