import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor, IdPipe, Page } from '@app/core';
import { CriteriaService } from './criteria.service';
import {
  CreateCriteriaSetDto,
  CriteriaSetQueryDto,
  CriteriaSetView,
  UpdateCriteriaSetDto,
} from './dto/criteria-set.dto';

@ApiTags('criteria-sets')
@Controller('criteria-sets')
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  /** Criteria sets, newest version first within a code. */
  @Allow(...ANY_ROLE)
  @Get()
  list(@Query() query: CriteriaSetQueryDto): Promise<Page<CriteriaSetView>> {
    return this.criteria.list(query);
  }

  @Allow(...ANY_ROLE)
  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<CriteriaSetView> {
    return this.criteria.get(id);
  }

  /** A new set, as a draft at version 1. */
  @Allow('admin')
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCriteriaSetDto,
  ): Promise<CriteriaSetView> {
    return this.criteria.create(actor, body);
  }

  /** Edits a draft; a published set never changes (409). */
  @Allow('admin')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateCriteriaSetDto,
  ): Promise<CriteriaSetView> {
    return this.criteria.update(actor, id, body);
  }

  /** Publishes a draft: new evaluations of its target use it from now on. */
  @Allow('admin')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number): Promise<CriteriaSetView> {
    return this.criteria.publish(actor, id);
  }

  /** A new draft version copying a published set. */
  @Allow('admin')
  @Post(':id/versions')
  newVersion(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
  ): Promise<CriteriaSetView> {
    return this.criteria.newVersion(actor, id);
  }
}
