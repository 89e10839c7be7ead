import { IsString } from 'class-validator';
import { RankingScopeQueryDto } from '@app/rankings';

/** The query of GET /rankings without paging (the export holds the whole ranking), plus format. */
export class RankingExportQueryDto extends RankingScopeQueryDto {
  /** `xlsx`, `csv` or `pdf`. */
  @IsString()
  format: string;
}
