import type { EntityManager } from '@mikro-orm/postgresql';
import type { Member } from '../../entities/member';
import { MemberEventKind, MembershipKind } from '../../entities/member-lifecycle-enums';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { addYears } from '../calendar';
import { notInFuture, optionalText } from '../validate';
import { decisionRef } from './lifecycle-guard';
import { appendEvent, openMembership, type UnitRef } from './member-history';
import { PROBATION_YEARS } from './probation-commands';

/** A new member's entry into the history: admission, and recognition when an official member is onboarded. */

export interface AdmissionInput {
  readonly admissionDate: string;
  readonly admissionDecisionRef?: string | null;
  readonly officialDate?: string | null;
  readonly officialDecisionRef?: string | null;
  /** The documented exception for an official date less than 12 months after admission. */
  readonly officialExceptionReason?: string | null;
}

export interface Admission {
  readonly admissionDate: string;
  readonly admissionDecisionRef: string | null;
  readonly officialDate: string | null;
  readonly officialDecisionRef: string | null;
  /** Kept only when it was needed: official before the end of probation. */
  readonly exceptionReason: string | null;
}

/** Admission and, when onboarding an official member, recognition: the same 12-month rule as recognizeOfficialMember. */
export function admission(input: AdmissionInput): Admission {
  const admissionDate = notInFuture(input.admissionDate, 'input.admissionDate');
  const officialDate = input.officialDate ? notInFuture(input.officialDate, 'input.officialDate') : null;
  if (officialDate !== null && officialDate < admissionDate) {
    throw badInput('input.officialDate', 'must not be before the admission date');
  }
  const exceptionReason = optionalText(input.officialExceptionReason, 'input.officialExceptionReason', 1000);
  const early = officialDate !== null && officialDate < addYears(admissionDate, PROBATION_YEARS);
  if (early && exceptionReason === null) {
    throw badInput('input.officialDate', 'is less than 12 months after admission: give the documented exception (input.officialExceptionReason)');
  }
  return {
    admissionDate,
    admissionDecisionRef: decisionRef(input.admissionDecisionRef, 'input.admissionDecisionRef', false),
    officialDate,
    officialDecisionRef: decisionRef(input.officialDecisionRef, 'input.officialDecisionRef', false),
    exceptionReason: early ? exceptionReason : null,
  };
}

/** The history of a new member: ADMITTED and an official membership of the cell, and RECOGNISED_OFFICIAL when onboarded as official. */
export function recordAdmission(ctx: RequestContext, em: EntityManager, member: Member, unit: UnitRef, a: Admission): void {
  const admitted = appendEvent(ctx, em, member, { kind: MemberEventKind.ADMITTED, occurredOn: a.admissionDate, decisionRef: a.admissionDecisionRef, unit });
  openMembership(em, member, unit, MembershipKind.OFFICIAL, a.admissionDate, admitted);
  if (a.officialDate === null) return;
  appendEvent(ctx, em, member, {
    kind: MemberEventKind.RECOGNISED_OFFICIAL,
    occurredOn: a.officialDate,
    decisionRef: a.officialDecisionRef,
    unit,
    details: a.exceptionReason === null ? {} : { exceptionReason: a.exceptionReason },
  });
}
