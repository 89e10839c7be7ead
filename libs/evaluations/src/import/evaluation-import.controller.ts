import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  Allow,
  CurrentActor,
  ImportOutcome,
  sendAsAttachment,
  UPLOAD_LIMITS,
  type UploadedFile as UploadedFileData,
} from '@app/core';
import { ImportEvaluationsQueryDto, ImportTemplateQueryDto } from './dto/import.dto';
import { EvaluationImportService } from './evaluation-import.service';
import { ImportTemplateService } from './import-template.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk entry of a quarter's evaluations; registered before the `/evaluations/:id` routes. */
@ApiTags('evaluations')
@Controller('evaluations')
export class EvaluationImportController {
  constructor(
    private readonly importer: EvaluationImportService,
    private readonly templates: ImportTemplateService,
  ) {}

  /**
   * Creates or updates the quarter's draft evaluations from a CSV or XLSX file (multipart field
   * `file`): a row per subject named by `employeeCode` (or `agencyCode`), a column per criterion
   * code. One bad row and nothing is written (422 listing every bad row), unless `mode=partial`.
   */
  @Allow('admin', 'hr_officer', 'inspector')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  import(
    @CurrentActor() actor: Actor,
    @Query() query: ImportEvaluationsQueryDto,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<ImportOutcome> {
    return this.importer.import(
      actor,
      query.period,
      file,
      query.mode === 'partial' ? 'partial' : 'all',
    );
  }

  /** An XLSX with the agency's people (or every agency) filled in and a column per criterion, to fill and import. */
  @Allow('admin', 'hr_officer', 'inspector')
  @Get('import-template')
  @ApiProduces(XLSX)
  async template(
    @CurrentActor() actor: Actor,
    @Query() query: ImportTemplateQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const subjectType = query.subjectType ?? 'person';
    const agencyId = await this.templates.scope(actor, subjectType, query.agencyId);
    sendAsAttachment(
      reply.raw,
      await this.templates.fileName(subjectType, query.period, agencyId),
      XLSX,
    );
    await this.templates.write(reply.raw, subjectType, query.period, agencyId);
  }
}
