import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig, AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { StatementBatches } from './statement-batches';
import { Transactions } from './transactions';

/** The TypeORM connection (entities registered by each feature), the transaction runner and MariaDB's statement batches. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        autoLoadEntities: true,
        migrationsRun: true,
      }),
    }),
  ],
  providers: [Transactions, StatementBatches],
  exports: [Transactions, StatementBatches],
})
export class DatabaseModule {}
