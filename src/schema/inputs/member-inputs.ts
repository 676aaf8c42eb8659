import { Field, ID, InputType, Int } from 'type-graphql';
import { Gender, GeneralEducation, MemberStatus, PoliticalTheory, ProfessionalQualification } from '../../entities/member-enums';
import { LocalDate } from '../scalars';

@InputType({ description: 'Filter for lists of members (lọc đảng viên).' })
export class MemberFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only members in the subtree of this unit.' })
  subtreeOf?: string | null;

  @Field(() => [MemberStatus], { nullable: true, description: 'Only these statuses; current members (probationary and official) when omitted. Name REMOVED, EXPELLED or DECEASED to see former members.' })
  statuses?: MemberStatus[] | null;

  @Field(() => [Gender], { nullable: true, description: 'Only these genders.' })
  genders?: Gender[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these ethnicities (dân tộc), exact names.' })
  ethnicities?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text, ignoring case and diacritics.' })
  nameContains?: string | null;
}

/** Fields shared by create and update; decorated so that type-graphql copies them into both (it emits no type of its own while unused). */
@InputType('MemberFieldsInput')
abstract class MemberFieldsInput {
  @Field(() => Gender, { nullable: true, description: 'Gender (giới tính).' })
  gender?: Gender | null;

  @Field(() => LocalDate, { nullable: true, description: 'Birth date (ngày sinh).' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Religion (tôn giáo).' })
  religion?: string | null;

  @Field(() => GeneralEducation, { nullable: true, description: 'General education.' })
  generalEducation?: GeneralEducation | null;

  @Field(() => ProfessionalQualification, { nullable: true, description: 'Professional qualification.' })
  professionalQualification?: ProfessionalQualification | null;

  @Field(() => PoliticalTheory, { nullable: true, description: 'Political theory level.' })
  politicalTheory?: PoliticalTheory | null;

  @Field(() => String, { nullable: true, description: 'Party card number, unique (số thẻ đảng viên).' })
  partyCardNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Citizen identity number, 12 digits (CCCD).' })
  citizenId?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Address.' })
  address?: string | null;
}

@InputType({ description: 'A new member of a cell (thêm đảng viên).' })
export class CreateMemberInput extends MemberFieldsInput {
  @Field(() => ID, { description: 'The cell the member belongs to.' })
  unitId!: string;

  @Field({ description: 'Full name, 1 to 200 characters.' })
  fullName!: string;

  @Field(() => Gender, { description: 'Gender (giới tính).' })
  declare gender: Gender;

  @Field({ description: 'Ethnicity (dân tộc).' })
  ethnicity!: string;

  @Field(() => LocalDate, { description: 'Admission date (ngày vào Đảng), not in the future: the date of the ADMITTED event and of the membership of the cell.' })
  admissionDate!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the admission decision (số quyết định kết nạp).' })
  admissionDecisionRef?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Official date (ngày chính thức), to onboard an already official member: records a RECOGNISED_OFFICIAL event. At least 12 months after admission unless officialExceptionReason is given.',
  })
  officialDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the recognition decision (số quyết định công nhận đảng viên chính thức).' })
  officialDecisionRef?: string | null;

  @Field(() => String, { nullable: true, description: 'The documented exception for an official date less than 12 months after admission (lý do).' })
  officialExceptionReason?: string | null;
}

@InputType({ description: "Changes to a member's record; omitted fields stay as they are. Status, cell and dates follow from lifecycle events and are not edited here (sửa hồ sơ đảng viên)." })
export class UpdateMemberInput extends MemberFieldsInput {
  @Field(() => ID, { description: 'The member.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Ethnicity.' })
  ethnicity?: string | null;
}
