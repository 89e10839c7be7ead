import { IsIn, IsOptional } from 'class-validator';

export class ImportModeQueryDto {
  /** `partial` writes the good rows and lists the bad; by default one bad row and nothing is written (422). */
  @IsOptional()
  @IsIn(['partial', 'all'])
  mode?: 'partial' | 'all';
}
