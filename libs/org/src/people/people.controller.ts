import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  Allow,
  CurrentActor,
  IdPipe,
  ImportModeQueryDto,
  ImportOutcome,
  Page,
  UPLOAD_LIMITS,
  type UploadedFile as UploadedFileData,
} from '@app/core';
import { PeopleImportService } from './people-import.service';
import {
  CreatePersonDto,
  PersonQueryDto,
  PersonView,
  TransferPersonDto,
  UpdatePersonDto,
} from './dto/person.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly importer: PeopleImportService,
  ) {}

  /**
   * Creates or updates people from a CSV or XLSX file (multipart field `file`): columns employeeCode,
   * fullName, position, category, partyMember, agencyCode, unitCode. One bad row and nothing is
   * written (422), unless `mode=partial`.
   */
  @Allow('admin', 'hr_officer')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  importPeople(
    @CurrentActor() actor: Actor,
    @Query() query: ImportModeQueryDto,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<ImportOutcome> {
    return this.importer.import(actor, file, query.mode === 'partial' ? 'partial' : 'all');
  }

  /** People of the caller's scope, filtered, searched without diacritics, paged by name. */
  @Allow('admin', 'hr_officer', 'department_head', 'nominator', 'inspector')
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PersonQueryDto): Promise<Page<PersonView>> {
    return this.people.list(actor, query);
  }

  @Allow('admin', 'hr_officer', 'department_head', 'nominator', 'inspector')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: number): Promise<PersonView> {
    return this.people.get(actor, id);
  }

  @Allow('admin', 'hr_officer')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreatePersonDto): Promise<PersonView> {
    return this.people.create(actor, body);
  }

  @Allow('admin', 'hr_officer')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.people.update(actor, id, body);
  }

  /** Moves a person to another unit or agency (agency-bound callers: within their agency). */
  @Allow('admin', 'hr_officer')
  @Post(':id/transfer')
  @HttpCode(200)
  transfer(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: number,
    @Body() body: TransferPersonDto,
  ): Promise<PersonView> {
    return this.people.transfer(actor, id, body);
  }
}
