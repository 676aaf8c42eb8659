import { Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { OrgUnit } from './org-unit';
import { Gender, GeneralEducation, MemberStatus, PoliticalTheory, ProfessionalQualification } from './member-enums';

/** Đảng viên: belongs to exactly one cell; `unitPath` copies the cell's path so scope is one predicate. */
@Entity({ tableName: 'member' })
export class Member {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'text' })
  fullName!: string;

  @Property({ type: 'text' })
  nameSearch!: string;

  @Property({ type: 'text' })
  nameSortKey!: string;

  @Enum({ items: () => Gender, type: 'text' })
  gender!: Gender;

  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;

  @Property({ type: 'text' })
  ethnicity!: string;

  @Property({ type: 'text', nullable: true })
  religion?: string | null;

  @Enum({ items: () => GeneralEducation, type: 'text', nullable: true })
  generalEducation?: GeneralEducation | null;

  @Enum({ items: () => ProfessionalQualification, type: 'text', nullable: true })
  professionalQualification?: ProfessionalQualification | null;

  @Enum({ items: () => PoliticalTheory, type: 'text', nullable: true })
  politicalTheory?: PoliticalTheory | null;

  @Property({ type: 'text', nullable: true })
  partyCardNumber?: string | null;

  @Property({ type: 'date' })
  admissionDate!: string;

  @Property({ type: 'date', nullable: true })
  officialDate?: string | null;

  @Enum({ items: () => MemberStatus, type: 'text' })
  status!: MemberStatus;

  @Property({ type: 'text', nullable: true })
  citizenId?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
