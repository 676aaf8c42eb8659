import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { Member } from '../../entities/member';
import { Gender, GeneralEducation, MemberStatus, PoliticalTheory, ProfessionalQualification } from '../../entities/member-enums';
import { isCellKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { OrgUnit } from '../../entities/org-unit';
import { badInput, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { lockUnits } from '../tree/unit-locks';
import { audit } from '../audit';
import { addYears } from '../calendar';
import { getOrgUnit } from '../tree/org-unit-queries';
import { personSortKey, searchKey } from '../tree/vietnamese-text';
import { matching, notInFuture, optionalText, requiredText } from '../validate';
import { admission, recordAdmission, type Admission, type AdmissionInput } from './admission';
import { getMember } from './member-queries';

/** The member fields of domain.md §2 that a record holds directly; status, cell and dates follow from the events. */
export interface MemberFields {
  readonly fullName: string;
  readonly gender: Gender;
  readonly birthDate?: string | null;
  readonly ethnicity: string;
  readonly religion?: string | null;
  readonly generalEducation?: GeneralEducation | null;
  readonly professionalQualification?: ProfessionalQualification | null;
  readonly politicalTheory?: PoliticalTheory | null;
  readonly partyCardNumber?: string | null;
  readonly citizenId?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
}

/** A new member: admitted on `admissionDate`; an official date onboards an already official member. */
export interface CreateMemberInput extends MemberFields, AdmissionInput {
  readonly unitId: number;
}

export type UpdateMemberInput = Partial<MemberFields> & { readonly id: number; readonly version: number };

/** Minimum age at admission (Party Charter: 18). */
const MIN_ADMISSION_AGE = 18;

export type CleanFields = {
  fullName: string;
  nameSearch: string;
  nameSortKey: string;
  gender: Gender;
  birthDate: string | null;
  ethnicity: string;
  religion: string | null;
  generalEducation: GeneralEducation | null;
  professionalQualification: ProfessionalQualification | null;
  politicalTheory: PoliticalTheory | null;
  partyCardNumber: string | null;
  citizenId: string | null;
  phone: string | null;
  address: string | null;
};

export function clean(fields: MemberFields, admissionDate: string): CleanFields {
  const fullName = requiredText(fields.fullName, 'input.fullName', 200);
  const birthDate = fields.birthDate ? notInFuture(fields.birthDate, 'input.birthDate') : null;
  if (birthDate !== null && addYears(birthDate, MIN_ADMISSION_AGE) > admissionDate) {
    throw badInput('input.admissionDate', `the member must be at least ${MIN_ADMISSION_AGE} years old at admission`);
  }
  return {
    fullName,
    nameSearch: searchKey(fullName),
    nameSortKey: personSortKey(fullName),
    gender: fields.gender,
    birthDate,
    ethnicity: requiredText(fields.ethnicity, 'input.ethnicity', 50),
    religion: optionalText(fields.religion, 'input.religion', 50),
    generalEducation: fields.generalEducation ?? null,
    professionalQualification: fields.professionalQualification ?? null,
    politicalTheory: fields.politicalTheory ?? null,
    partyCardNumber: matching(optionalText(fields.partyCardNumber, 'input.partyCardNumber', 20), 'input.partyCardNumber', /^[0-9A-Z.-]{4,20}$/, '4 to 20 digits or capital letters'),
    citizenId: matching(optionalText(fields.citizenId, 'input.citizenId', 12), 'input.citizenId', /^\d{12}$/, '12 digits'),
    phone: matching(optionalText(fields.phone, 'input.phone', 16), 'input.phone', /^\+?\d{9,15}$/, 'a phone number of 9 to 15 digits'),
    address: optionalText(fields.address, 'input.address', 300),
  };
}

export function memberSnapshot(m: Member): Record<string, unknown> {
  return {
    fullName: m.fullName,
    unitId: m.unit.id,
    gender: m.gender,
    ethnicity: m.ethnicity,
    status: m.status,
    admissionDate: m.admissionDate,
    officialDate: m.officialDate ?? null,
    partyCardNumber: m.partyCardNumber ?? null,
    version: m.version,
  };
}

/** A taken identifier is a bad input the client must change (issue #2), not a state conflict. */
const partyCardTaken = (): Error => badInput('input.partyCardNumber', 'is already used by another member');

async function checkPartyCardFree(ctx: RequestContext, cardNumber: string | null, exceptId: number | null): Promise<void> {
  if (cardNumber === null) return;
  // Uniqueness is global, so this lookup is deliberately unscoped; it reveals nothing but "taken".
  // Inside the caller's transaction (an import's): it sees the file's earlier rows and needs no second connection.
  const rows = await ctx.em.getConnection().execute<{ id: number }[]>(
    'select id from member where party_card_number = ? and id <> ? limit 1',
    [cardNumber, exceptId ?? 0],
    'all',
    ctx.em.getTransactionContext(),
  );
  if (rows.length > 0) throw partyCardTaken();
}

async function flushOrExplain(work: () => Promise<Member>): Promise<Member> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw partyCardTaken();
    }
    throw error;
  }
}

/** A checked new member: its cleaned fields and its admission dates. */
export interface CheckedAdmission {
  readonly fields: CleanFields;
  readonly admitted: Admission;
}

/** A new member of `unit` with its admission history, persisted at the next flush: createMember's and the import's one way. */
export function admitMember(ctx: RequestContext, em: EntityManager, { fields, admitted }: CheckedAdmission, unit: Pick<OrgUnit, 'id' | 'path' | 'provinceId'>): Member {
  const member = em.create(Member, {
    ...fields,
    admissionDate: admitted.admissionDate,
    officialDate: admitted.officialDate,
    status: admitted.officialDate === null ? MemberStatus.PROBATIONARY : MemberStatus.OFFICIAL,
    provinceId: unit.provinceId,
    unit: em.getReference(OrgUnit, unit.id),
    unitPath: unit.path,
  });
  recordAdmission(ctx, em, member, { id: unit.id, path: unit.path, provinceId: unit.provinceId }, admitted);
  return member;
}

export async function createMember(ctx: RequestContext, input: CreateMemberInput): Promise<Member> {
  const unit = await getOrgUnit(ctx, input.unitId);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, unit.path)) throw forbidden('You may not manage members here');
  if (!isCellKind(unit.kind)) throw badInput('input.unitId', `members belong to a cell, not a ${unit.kind}`);
  if (unit.status !== OrgUnitStatus.ACTIVE) throw badInput('input.unitId', 'the cell is dissolved');
  const admitted = admission(input);
  const fields = clean(input, admitted.admissionDate);
  await checkPartyCardFree(ctx, fields.partyCardNumber, null);

  return flushOrExplain(() =>
    ctx.em.transactional(async (em) => {
      // The cell, locked as a transfer locks it (decisions.md §40): a merge or split of it waits for
      // this admission and moves the new member along, or has already dissolved it.
      await lockUnits(em, [unit.id], 'share');
      const [current] = await em.getConnection().execute<Array<{ status: string }>>('select status from org_unit where id = ?', [unit.id], 'all', em.getTransactionContext());
      if (current?.status !== OrgUnitStatus.ACTIVE) throw badInput('input.unitId', 'the cell is dissolved');
      const member = admitMember(ctx, em, { fields, admitted }, unit);
      await em.flush();
      audit(ctx, em, 'createMember', { type: 'Member', id: member.id, provinceId: unit.provinceId, unitPath: unit.path }, null, memberSnapshot(member));
      return member;
    }),
  );
}

export async function updateMember(ctx: RequestContext, input: UpdateMemberInput): Promise<Member> {
  const member = await getMember(ctx, input.id);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, member.unitPath)) throw forbidden('You may not manage this member');
  if (member.version !== input.version) throw staleVersion(input.version, member.version);
  const before = memberSnapshot(member);
  const pick = <K extends keyof MemberFields>(key: K): MemberFields[K] =>
    (input[key] === undefined ? member[key] : input[key]) as MemberFields[K];
  // Status, cell, admission and official dates are not edited here: they follow from the events.
  const fields = clean({
    fullName: pick('fullName'),
    gender: pick('gender'),
    birthDate: pick('birthDate'),
    ethnicity: pick('ethnicity'),
    religion: pick('religion'),
    generalEducation: pick('generalEducation'),
    professionalQualification: pick('professionalQualification'),
    politicalTheory: pick('politicalTheory'),
    partyCardNumber: pick('partyCardNumber'),
    citizenId: pick('citizenId'),
    phone: pick('phone'),
    address: pick('address'),
  }, member.admissionDate);
  await checkPartyCardFree(ctx, fields.partyCardNumber, member.id);

  return flushOrExplain(() =>
    ctx.em.transactional(async (em) => {
      const managed = await em.findOneOrFail(Member, member.id);
      em.assign(managed, fields);
      await em.flush();
      audit(ctx, em, 'updateMember', { type: 'Member', id: member.id, provinceId: member.provinceId, unitPath: member.unitPath }, before, memberSnapshot(managed));
      return managed;
    }),
  );
}
