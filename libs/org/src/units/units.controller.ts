import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor, IdPipe, Page } from '@app/core';
import { CreateUnitDto, UnitQueryDto, UnitTreeNode, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

/** Units of an agency; agency-bound roles reach only their own agency's. */
@ApiTags('units')
@Controller('agencies/:agencyId/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Allow('admin', 'hr_officer', 'department_head', 'nominator', 'inspector')
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Param('agencyId', IdPipe) agencyId: number,
    @Query() query: UnitQueryDto,
  ): Promise<Page<UnitView>> {
    return this.units.list(actor, agencyId, query);
  }

  /** The units as a tree: each unit with its children. */
  @Allow('admin', 'hr_officer', 'department_head', 'nominator', 'inspector')
  @Get('tree')
  tree(
    @CurrentActor() actor: Actor,
    @Param('agencyId', IdPipe) agencyId: number,
  ): Promise<UnitTreeNode[]> {
    return this.units.tree(actor, agencyId);
  }

  @Allow('admin', 'hr_officer')
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Param('agencyId', IdPipe) agencyId: number,
    @Body() body: CreateUnitDto,
  ): Promise<UnitView> {
    return this.units.create(actor, agencyId, body);
  }

  @Allow('admin', 'hr_officer')
  @Patch(':unitId')
  update(
    @CurrentActor() actor: Actor,
    @Param('agencyId', IdPipe) agencyId: number,
    @Param('unitId', IdPipe) unitId: number,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitView> {
    return this.units.update(actor, agencyId, unitId, body);
  }
}
