import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsTicket, Actor, Allow, ANY_ROLE, CurrentActor } from '@app/core';
import { RankingExportQueryDto } from './dto/ranking-export.dto';
import { RankingsExportService } from './rankings-export.service';

@ApiTags('rankings')
@Controller('rankings')
export class RankingsExportController {
  constructor(private readonly exports: RankingsExportService) {}

  /** The whole ranking (every page) as an XLSX, CSV or PDF attachment, streamed. */
  @Allow(...ANY_ROLE)
  @Get('export')
  @AcceptsTicket()
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    'application/pdf',
  )
  export(
    @CurrentActor() actor: Actor,
    @Query() query: RankingExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.exports.export(actor, query, reply.raw);
  }
}
