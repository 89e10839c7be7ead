import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOLEAN_COLUMN, INSTANT_COLUMN } from '@app/core';

/** A department, office or one-stop desk of an agency; units nest under a parent unit. */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  agencyId: number;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column(BOOLEAN_COLUMN)
  active: boolean;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
