import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, ANY_ROLE, CurrentActor } from '@app/core';
import {
  AgencyDashboardQueryDto,
  CityAgenciesQueryDto,
  CityPeriodQueryDto,
} from './dto/dashboard-query.dto';
import { AgencyDashboardView } from './dto/agency-dashboard.view';
import { AgencyAveragePageView, CityCoverageView } from './dto/city-dashboard.view';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /**
   * An agency's quarter at a glance: its city-wide rank over the last eight quarters, grades and
   * coverage of its people by unit, and the evaluations waiting for approval. Agency-bound
   * callers read their own agency; city-wide callers name one.
   */
  @Allow(...ANY_ROLE)
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED: period is not a quarter, or a city-wide caller named no agency',
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such agency' })
  @Get('agency')
  agency(
    @CurrentActor() actor: Actor,
    @Query() query: AgencyDashboardQueryDto,
  ): Promise<AgencyDashboardView> {
    return this.dashboard.agency(actor, query);
  }

  /**
   * Agencies ranked by the average total of their people for a quarter (approved evaluations)
   * or a half or year (roll-ups), paged. City-wide callers only.
   */
  @Allow('admin', 'inspector', 'nominator')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: bad period, limit or offset' })
  @Get('city/agencies')
  cityAgencies(
    @CurrentActor() actor: Actor,
    @Query() query: CityAgenciesQueryDto,
  ): Promise<AgencyAveragePageView> {
    return this.dashboard.cityAgencies(actor, query);
  }

  /**
   * Coverage of every active agency in each quarter of the period's year (evaluated and approved
   * share of headcount), all agencies in one answer for the heat map. City-wide callers only.
   */
  @Allow('admin', 'inspector', 'nominator')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: bad period' })
  @Get('city/coverage')
  cityCoverage(
    @CurrentActor() actor: Actor,
    @Query() query: CityPeriodQueryDto,
  ): Promise<CityCoverageView> {
    return this.dashboard.cityCoverage(actor, query);
  }
}
