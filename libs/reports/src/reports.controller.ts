import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsTicket, Actor, Allow, CurrentActor } from '@app/core';
import { ReportQueryDto, SummaryReportView } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The quarterly, six-month or annual report: per agency and in total, headcount, evaluated,
   * approved, coverage, average total, grades, incidents per criterion, candidates; then the
   * inspections of the period. `format=xlsx|csv|pdf` returns it as a file.
   */
  @Allow('admin', 'nominator', 'department_head', 'inspector')
  @Get('summary')
  @AcceptsTicket()
  @ApiProduces(
    'application/json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
    'application/pdf',
  )
  @ApiOkResponse({ type: SummaryReportView })
  async summary(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (query.format === 'json') {
      reply.send(await this.reports.summary(actor, query));
      return;
    }
    await this.reports.export(actor, query, reply.raw);
  }
}
