import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { wholeNumber } from './transforms';

/**
 * The global ValidationPipe, except that a route or query parameter typed `number` is read as
 * decimal digits only. Nest's own pipe converts it with `+value`, which reads `0x10` as 16 and
 * `1e3` as 1000 before IdPipe ever sees it; here such a value stays a string for IdPipe (or the
 * DTO) to refuse with a 400.
 */
export class DecimalValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.metatype === Number && typeof value === 'string' && metadata.data)
      return wholeNumber({ value });
    return super.transformPrimitive(value, metadata);
  }
}
