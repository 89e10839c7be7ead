import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN } from '@app/core';
import type { SubjectType } from '../evaluations/workflow';

/** A dated event against a person or an agency, counted under a fromIncidents criterion. */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  subjectType: SubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  /** The person's agency when the incident was recorded, or the agency itself. */
  @Column({ type: 'int' })
  agencyId: number;

  @Column({ type: 'varchar', length: 32 })
  criterionCode: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  occurredOn: string;

  /** The quarter of occurredOn. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ ...INSTANT_COLUMN, nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column(INSTANT_COLUMN)
  createdAt: Date;
}
