import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, IdPipe, Page } from '@app/core';
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
  constructor(private readonly people: PeopleService) {}

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
