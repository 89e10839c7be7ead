import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BOOLEAN_COLUMN, INSTANT_COLUMN } from '@app/core';

@Entity('agencies')
export class AgencyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  shortName: string | null;

  @Column(BOOLEAN_COLUMN)
  active: boolean;

  @Column(INSTANT_COLUMN)
  createdAt: Date;

  @Column(INSTANT_COLUMN)
  updatedAt: Date;
}
