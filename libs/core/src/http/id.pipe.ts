import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-errors';

/** Route ids are positive whole numbers; anything else is a 400 with the SPEC's shape. */
@Injectable()
export class IdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    if (!/^[1-9]\d{0,9}$/.test(String(value)) || Number(value) > 2147483647) {
      throw ValidationFailed.field('id', 'must be a positive whole number');
    }
    return Number(value);
  }
}
