import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CriteriaController } from './criteria.controller';
import { CriteriaSetEntity } from './criteria-set.entity';
import { CriteriaService } from './criteria.service';

@Module({
  imports: [TypeOrmModule.forFeature([CriteriaSetEntity])],
  controllers: [CriteriaController],
  providers: [CriteriaService],
  exports: [CriteriaService],
})
export class CriteriaModule {}
