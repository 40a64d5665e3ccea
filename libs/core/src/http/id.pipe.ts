import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound } from '../errors/domain-error.js';

/** Path ids are positive integers; anything else names no record, so it is a 404 like a missing one. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,9}$/.test(value)) throw notFound();
    const id = Number(value);
    if (id > 2_147_483_647) throw notFound();
    return id;
  }
}
