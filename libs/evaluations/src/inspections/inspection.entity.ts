import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN } from '@app/core';

/** A visit of the inspection delegation (đoàn kiểm tra) to an agency and what it found. */
@Entity('inspections')
export class InspectionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  agencyId: number;

  /** The quarter of visitedOn. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 10 })
  visitedOn: string;

  @Column({ type: 'varchar', length: 255 })
  leader: string;

  @Column({ type: 'text' })
  membersJson: string;

  @Column({ type: 'text' })
  strengths: string;

  @Column({ type: 'text' })
  shortcomings: string;

  @Column({ type: 'text' })
  recommendations: string;

  /** Values by criterion code of the agency criteria set, copied into the evaluation. */
  @Column({ type: 'text' })
  checklistJson: string;

  @Column({ type: 'int' })
  createdBy: number;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
