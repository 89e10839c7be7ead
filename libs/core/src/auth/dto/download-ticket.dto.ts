import { IsString, MaxLength, MinLength } from 'class-validator';

export class DownloadTicketDto {
  /** The download's address with its query, e.g. `/api/nominations/3/export?format=pdf`. */
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  path: string;
}

export class DownloadTicketView {
  /** Append as `?ticket=` (or `&ticket=`) to the address; valid once, for 60 seconds. */
  ticket: string;
  expiresIn: number;
}
