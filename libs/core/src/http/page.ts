import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/**
 * `limit` (default 50, at most 500) and `offset` of every list (SPEC §10). Described by hand:
 * the swagger plugin reads only *.dto.ts files, and every paged query extends this class.
 */
export class PageQueryDto {
  /** Items per page, 1 to 500. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
    description: 'Items per page, 1 to 500.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit: number = DEFAULT_LIMIT;

  /** Items to skip. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'Items to skip.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, limit: query.limit, offset: query.offset };
}
