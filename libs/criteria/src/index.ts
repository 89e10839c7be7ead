export * from './criteria-set.entity';
export * from './criteria-set.view';
export * from './criteria.module';
export * from './criteria.service';
export * from './default-criteria';
export * from './dto/criteria-set.dto';
