import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor, IdPipe, Page } from '@app/core';
import { CreateIncidentDto, IncidentQueryDto, IncidentView } from './dto/incident.dto';
import { IncidentsService } from './incidents.service';

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  /** Incidents of the caller's scope (deleted ones left out). */
  @Allow(...ANY_ROLE)
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: IncidentQueryDto,
  ): Promise<Page<IncidentView>> {
    return this.incidents.list(actor, query);
  }

  @Allow(...ANY_ROLE)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number): Promise<IncidentView> {
    return this.incidents.get(actor, id);
  }

  /** People's incidents: hr_officer of their agency or admin; agencies': inspector or admin. */
  @Allow('admin', 'hr_officer', 'inspector')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateIncidentDto): Promise<IncidentView> {
    return this.incidents.create(actor, body);
  }

  /** Soft delete; the evaluation of that quarter is recounted. */
  @Allow('admin', 'hr_officer', 'inspector')
  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number): Promise<IncidentView> {
    return this.incidents.remove(actor, id);
  }
}
