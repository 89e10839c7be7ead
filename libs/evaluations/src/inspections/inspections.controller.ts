import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor, IdPipe, Page } from '@app/core';
import {
  CreateInspectionDto,
  InspectionQueryDto,
  InspectionView,
  UpdateInspectionDto,
} from './dto/inspection.dto';
import { InspectionsService } from './inspections.service';

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  /** Visits of the caller's scope (agency-bound roles: to their agency only). */
  @Allow(...ANY_ROLE)
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: InspectionQueryDto,
  ): Promise<Page<InspectionView>> {
    return this.inspections.list(actor, query);
  }

  @Allow(...ANY_ROLE)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number): Promise<InspectionView> {
    return this.inspections.get(actor, id);
  }

  /** Records a visit; its checklist fills the agency's evaluation of that quarter. */
  @Allow('admin', 'inspector')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateInspectionDto): Promise<InspectionView> {
    return this.inspections.create(actor, body);
  }

  @Allow('admin', 'inspector')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateInspectionDto,
  ): Promise<InspectionView> {
    return this.inspections.update(actor, id, body);
  }
}
