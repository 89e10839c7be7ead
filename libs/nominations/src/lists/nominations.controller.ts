import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsTicket, Actor, Allow, CurrentActor, IdPipe, Page } from '@app/core';
import {
  AddEntryDto,
  CreateNominationDto,
  DecideNominationDto,
  ExportQueryDto,
  NominationDetailView,
  NominationEntryView,
  NominationListView,
  NominationQueryDto,
} from '../dto/nomination.dto';
import { NominationsService } from './nominations.service';

/** Who reads nomination lists: nominators and admin, and those who read their scope's data. */
const READERS = ['admin', 'nominator', 'department_head', 'inspector'] as const;

@ApiTags('nominations')
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  /** A new draft list: people of one agency, or (no agencyId, city-wide callers) agencies. */
  @Allow('nominator', 'admin')
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateNominationDto,
  ): Promise<NominationDetailView> {
    return this.nominations.create(actor, body);
  }

  @Allow(...READERS)
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NominationQueryDto,
  ): Promise<Page<NominationListView>> {
    return this.nominations.list(actor, query);
  }

  @Allow(...READERS)
  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
  ): Promise<NominationDetailView> {
    return this.nominations.get(actor, id);
  }

  /** Adds a subject with its achievements; one not a candidate needs an override reason. */
  @Allow('nominator', 'admin')
  @Post(':id/entries')
  addEntry(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: AddEntryDto,
  ): Promise<NominationEntryView> {
    return this.nominations.addEntry(actor, id, body);
  }

  @Allow('nominator', 'admin')
  @Delete(':id/entries/:entryId')
  removeEntry(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Param('entryId', IdPipe) entryId: number,
  ): Promise<NominationDetailView> {
    return this.nominations.removeEntry(actor, id, entryId);
  }

  @Allow('nominator', 'admin')
  @Post(':id/submit')
  @HttpCode(200)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
  ): Promise<NominationDetailView> {
    return this.nominations.submit(actor, id);
  }

  /** The standing agency's decision, with its number and date (admin). */
  @Allow('admin')
  @Post(':id/decide')
  @HttpCode(200)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: DecideNominationDto,
  ): Promise<NominationDetailView> {
    return this.nominations.decide(actor, id, body);
  }

  /** The list as an XLSX, CSV or PDF attachment, streamed from the database. */
  @Allow(...READERS)
  @Get(':id/export')
  @AcceptsTicket()
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    'application/pdf',
  )
  export(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Query() query: ExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.nominations.export(actor, id, query.format, reply.raw);
  }
}
