import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { AuditRecordEntity } from './audit-record.entity';
import { AuditWriter } from './audit.writer';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditRecordEntity])],
  controllers: [AuditController],
  providers: [AuditWriter],
  exports: [AuditWriter],
})
export class AuditModule {}
