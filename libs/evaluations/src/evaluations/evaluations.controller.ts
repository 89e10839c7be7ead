import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor, IdPipe, Page } from '@app/core';
import {
  CreateEvaluationDto,
  EmptyBodyDto,
  EvaluationQueryDto,
  EvaluationView,
  ReasonDto,
  UpdateEvaluationDto,
} from './dto/evaluation.dto';
import { EvaluationsService } from './evaluations.service';

@ApiTags('evaluations')
@Controller('evaluations')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  /** Evaluations of the caller's scope (agency-bound roles: their agency's only). */
  @Allow(...ANY_ROLE)
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: EvaluationQueryDto,
  ): Promise<Page<EvaluationView>> {
    return this.evaluations.list(actor, query);
  }

  @Allow(...ANY_ROLE)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number): Promise<EvaluationView> {
    return this.evaluations.get(actor, id);
  }

  /** A draft with the newest published criteria set of the subject's kind. */
  @Allow('admin', 'hr_officer', 'inspector')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateEvaluationDto): Promise<EvaluationView> {
    return this.evaluations.create(actor, body);
  }

  /** Changes values and notes of a draft or returned evaluation; `version` must be current. */
  @Allow('admin', 'hr_officer', 'inspector')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateEvaluationDto,
  ): Promise<EvaluationView> {
    return this.evaluations.update(actor, id, body);
  }

  @Allow('admin', 'hr_officer', 'inspector')
  @Post(':id/submit')
  @HttpCode(200)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() _body: EmptyBodyDto,
  ): Promise<EvaluationView> {
    return this.evaluations.submit(actor, id);
  }

  /** People: the department head of their agency or admin; agencies: admin. */
  @Allow('admin', 'department_head')
  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() _body: EmptyBodyDto,
  ): Promise<EvaluationView> {
    return this.evaluations.approve(actor, id);
  }

  @Allow('admin', 'department_head')
  @Post(':id/return')
  @HttpCode(200)
  returnToAuthor(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: ReasonDto,
  ): Promise<EvaluationView> {
    return this.evaluations.return(actor, id, body.reason);
  }

  /** An approved evaluation back to `returned`, with a reason. */
  @Allow('admin')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: ReasonDto,
  ): Promise<EvaluationView> {
    return this.evaluations.reopen(actor, id, body.reason);
  }
}
