import { Field, Int, ObjectType } from 'type-graphql';
import { Gender, GeneralEducation, MemberStatus, PoliticalTheory, ProfessionalQualification } from '../../entities/member-enums';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

/** Fields marked "personal" are null-guarded by the permission layer: only for roles that need them. */
@ObjectType('Member', { implements: Node, description: 'A party member (đảng viên).' })
export class MemberType extends Node {
  @Field({ description: 'Full name (họ và tên).' })
  fullName!: string;

  @Field(() => Gender, { description: 'Gender (giới tính).' })
  gender!: Gender;

  @Field(() => LocalDate, { nullable: true, description: 'Birth date (ngày sinh). Personal data.' })
  birthDate!: string | null;

  @Field({ description: 'Ethnicity (dân tộc), e.g. "Kinh", "Mông", "Thái".' })
  ethnicity!: string;

  @Field(() => String, { nullable: true, description: 'Religion (tôn giáo). Personal data.' })
  religion!: string | null;

  @Field(() => GeneralEducation, { nullable: true, description: 'General education (trình độ giáo dục phổ thông).' })
  generalEducation!: GeneralEducation | null;

  @Field(() => ProfessionalQualification, { nullable: true, description: 'Professional qualification (trình độ chuyên môn).' })
  professionalQualification!: ProfessionalQualification | null;

  @Field(() => PoliticalTheory, { nullable: true, description: 'Political theory level (trình độ lý luận chính trị).' })
  politicalTheory!: PoliticalTheory | null;

  @Field(() => String, { nullable: true, description: 'Party card number (số thẻ đảng viên). Personal data.' })
  partyCardNumber!: string | null;

  @Field(() => LocalDate, { description: 'Admission date (ngày vào Đảng).' })
  admissionDate!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Date recognised as official member (ngày chính thức), from the recognition event.' })
  officialDate!: string | null;

  @Field(() => MemberStatus, { description: 'Probationary, official, or a former member (removed, expelled, deceased); follows from the lifecycle events (dự bị / chính thức / đã ra khỏi Đảng).' })
  status!: MemberStatus;

  @Field(() => String, { nullable: true, description: 'Citizen identity number (số CCCD). Personal data.' })
  citizenId!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number (số điện thoại). Personal data.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Address (địa chỉ). Personal data.' })
  address!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with every update (phiên bản).' })
  version!: number;

  @Field(() => DateTime, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

export const MemberConnection = connectionTypes('Member', MemberType, 'đảng viên');
