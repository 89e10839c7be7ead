import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOLEAN_COLUMN, INSTANT_COLUMN } from '@app/core';

export const PERSON_CATEGORIES = [
  'cadre',
  'civil_servant',
  'public_employee',
  'worker',
  'contract',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

@Entity('people')
export class PersonEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  employeeCode: string;

  @Column({ type: 'varchar', length: 255 })
  fullName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 20 })
  category: PersonCategory;

  @Column(BOOLEAN_COLUMN)
  partyMember: boolean;

  @Column({ type: 'int' })
  agencyId: number;

  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @Column(BOOLEAN_COLUMN)
  active: boolean;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}

/** Words of a person's name folded to ASCII, for search without diacritics. */
@Entity('person_search_terms')
export class PersonSearchTermEntity {
  @Column({ type: 'int', primary: true })
  personId: number;

  @Column({ type: 'varchar', length: 64, primary: true })
  term: string;
}
