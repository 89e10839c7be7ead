import { Transform } from 'class-transformer';
import { wholeNumber } from '../http/transforms';
import { IsDateString, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../http/page';

export class AuditQueryDto extends PageQueryDto {
  /** Entity name, e.g. `person`, `evaluation`. */
  @IsOptional()
  @IsString()
  @MaxLength(48)
  entity?: string;

  /** Id of the entity (with `entity`). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  /** Action, e.g. `create`, `update`, `approve`. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  action?: string;

  /** Id of the user who acted. */
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt()
  @Min(1)
  actorId?: number;

  /** From this instant (ISO 8601), inclusive. */
  @IsOptional()
  @IsDateString()
  from?: string;

  /** Until this instant (ISO 8601), exclusive. */
  @IsOptional()
  @IsDateString()
  to?: string;
}
