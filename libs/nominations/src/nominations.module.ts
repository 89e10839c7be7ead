import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoModule } from '@app/demo';
import { EvaluationsModule } from '@app/evaluations';
import { RankingsModule } from '@app/rankings';
import { RollupsModule } from '@app/rollups';
import { CandidatesService } from './candidates/candidates.service';
import { ExemplaryController } from './candidates/exemplary.controller';
import { NominationsDemo } from './demo/nominations-demo';
import { NominationEntryEntity } from './lists/nomination-entry.entity';
import { NominationListEntity } from './lists/nomination-list.entity';
import { NominationsController } from './lists/nominations.controller';
import { NominationsService } from './lists/nominations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([NominationListEntity, NominationEntryEntity]),
    RankingsModule,
    // Imported so that their demo steps (evaluations, roll-ups) register before this one.
    EvaluationsModule,
    RollupsModule,
    DemoModule,
  ],
  controllers: [ExemplaryController, NominationsController],
  providers: [CandidatesService, NominationsService, NominationsDemo],
  exports: [CandidatesService, NominationsService],
})
export class NominationsModule {}
