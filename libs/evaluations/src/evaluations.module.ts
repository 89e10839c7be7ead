import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CriteriaModule } from '@app/criteria';
import { DemoModule } from '@app/demo';
import { EvaluationsDemo } from './demo/evaluations-demo';
import { EvaluationEntity } from './evaluations/evaluation.entity';
import { EvaluationsController } from './evaluations/evaluations.controller';
import { EvaluationsService } from './evaluations/evaluations.service';
import { EvaluationImportController } from './import/evaluation-import.controller';
import { EvaluationImportService } from './import/evaluation-import.service';
import { ImportTemplateService } from './import/import-template.service';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { IncidentsService } from './incidents/incidents.service';
import { InspectionEntity } from './inspections/inspection.entity';
import { InspectionsController } from './inspections/inspections.controller';
import { InspectionsService } from './inspections/inspections.service';
import { PeriodEntity } from './periods/period.entity';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsService } from './periods/periods.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PeriodEntity, EvaluationEntity, IncidentEntity, InspectionEntity]),
    CriteriaModule,
    DemoModule,
  ],
  controllers: [
    PeriodsController,
    // Before EvaluationsController, so /evaluations/import-template is not read as /evaluations/:id.
    EvaluationImportController,
    EvaluationsController,
    IncidentsController,
    InspectionsController,
  ],
  providers: [
    PeriodsService,
    EvaluationsService,
    IncidentsService,
    InspectionsService,
    EvaluationsDemo,
    EvaluationImportService,
    ImportTemplateService,
  ],
  exports: [PeriodsService, EvaluationsService, IncidentsService, CriteriaModule],
})
export class EvaluationsModule {}
