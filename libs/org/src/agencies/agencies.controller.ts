import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor, IdPipe, Page } from '@app/core';
import { AgenciesService } from './agencies.service';
import { AgencyQueryDto, AgencyView, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  /** Every agency of the city (everyone reads agencies, as rankings of agencies are city-wide). */
  @Allow(...ANY_ROLE)
  @Get()
  list(@Query() query: AgencyQueryDto): Promise<Page<AgencyView>> {
    return this.agencies.list(query);
  }

  @Allow(...ANY_ROLE)
  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<AgencyView> {
    return this.agencies.get(id);
  }

  @Allow('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<AgencyView> {
    return this.agencies.create(actor, body);
  }

  @Allow('admin')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateAgencyDto,
  ): Promise<AgencyView> {
    return this.agencies.update(actor, id, body);
  }
}
