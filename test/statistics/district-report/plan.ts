/**
 * The Phong Thổ district of 2023 (domain.md §1, §3, §6, §7) as plain data, no I/O: the units,
 * the members file, who holds which post, the thematic meetings and the attendance pattern.
 * build.ts writes it through the API; district-report.test.ts checks the statistics against the
 * document's figures and, for what the document does not give, against this plan.
 *
 * The document gives counts only; names, sizes, dates and the spread over cells are made up here
 * (deterministically), within the document's figures.
 */
export type CellType = 'RESIDENTIAL' | 'ADMINISTRATIVE_AGENCY' | 'PUBLIC_SERVICE' | 'ARMED_FORCES' | 'ENTERPRISE';
export type Cohort = 'STABLE' | 'LATE_2022' | 'DEC_2023';

export interface PlannedUnit {
  readonly code: string;
  readonly parentCode: string;
  readonly kind: 'GRASSROOTS_COMMITTEE' | 'GRASSROOTS_CELL' | 'CELL';
  readonly name: string;
  readonly cellType: CellType | null;
}

export interface PlannedCell extends PlannedUnit {
  readonly cellType: CellType;
  /** 0–169 for village cells (thôn, bản), else null. */
  readonly village: number | null;
  /** Members, those on the 2023 rosters first: STABLE, then LATE_2022, then DEC_2023 (admitted after the December meetings). */
  readonly members: readonly PlannedMember[];
}

export interface PlannedMember {
  readonly card: string;
  readonly cellCode: string;
  readonly fullName: string;
  readonly gender: 'MALE' | 'FEMALE';
  readonly birthDate: string;
  readonly ethnicity: string;
  readonly generalEducation: string;
  readonly professionalQualification: string;
  readonly politicalTheory: string;
  readonly admissionDate: string;
  readonly officialDate: string | null;
  readonly cohort: Cohort;
}

export interface PlannedPosition {
  readonly card: string;
  readonly unitCode: string;
  readonly position: 'SECRETARY' | 'VILLAGE_HEAD' | 'FRONT_WORK_COMMITTEE_HEAD' | 'COMMITTEE_MEMBER';
}

export interface PlannedThematic {
  readonly cellCode: string;
  readonly cellType: CellType;
  readonly topic: string;
  readonly heldOn: string;
}

const TOTAL_MEMBERS = 3550;
const WOMEN = 1211;
const MINORITY = 2388;
const ADMITTED_2023 = 134;
const RURAL_ADMITTED_2023 = 43;
const LATE_2022 = 12;
const COMMITTEE_MEMBERS = 246;
const THEMATIC: Readonly<Record<CellType, number>> = { RESIDENTIAL: 247, ADMINISTRATIVE_AGENCY: 93, PUBLIC_SERVICE: 127, ARMED_FORCES: 87, ENTERPRISE: 9 };
const HO_CHI_MINH = 179;
export const OTHER_TOPICS = ['COMPETENCE', 'DEGRADATION', 'PARTY_BUILDING', 'NEW_RURAL', 'ANTI_CORRUPTION', 'DIRECTIVES', 'HELPING_HOUSEHOLDS',
  'PROFESSIONAL_WORK', 'LEGAL_EDUCATION', 'LEADERSHIP_METHODS', 'MEMBER_SOURCES', 'OTHER'] as const;

const COMMUNES = ['Bản Lang', 'Dào San', 'Hoang Thèn', 'Huổi Luông', 'Khổng Lào', 'Lả Nhì Thàng', 'Ma Li Pho', 'Mồ Sì San', 'Mù Sang',
  'Mường So', 'Nậm Xe', 'Pa Vây Sử', 'Sì Lở Lầu', 'Sin Suối Hồ', 'Tông Qua Lìn', 'Vàng Ma Chải', 'Ma Ly Chải'];
const MINORITIES = ['Mông', 'Dao', 'Thái', 'Hà Nhì', 'Giáy', 'Lự', 'Khơ Mú'];
const FAMILY = ['Lò', 'Tẩn', 'Vàng', 'Giàng', 'Sùng', 'Lý', 'Chảo', 'Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Phàn'];
const GIVEN = { MALE: ['An', 'Chớ', 'Dế', 'Hùng', 'Lìn', 'Páo', 'Sử', 'Thắng', 'Dũng', 'Quý', 'Seo'], FEMALE: ['Bình', 'Dung', 'Hoa', 'Lan', 'Mai', 'Vân', 'Xuân', 'Dợ', 'Mỷ', 'Sua', 'Chi'] };
const EDUCATION = ['UPPER_SECONDARY', 'UPPER_SECONDARY', 'LOWER_SECONDARY', 'PRIMARY'];
const QUALIFICATION = ['BACHELOR', 'COLLEGE', 'INTERMEDIATE', 'ELEMENTARY', 'NONE', 'MASTER'];
const THEORY = ['ELEMENTARY', 'INTERMEDIATE', 'NONE', 'ADVANCED'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** Exactly `count` of `total` indexes, spread evenly (Bresenham). */
export const spread = (i: number, count: number, total: number): boolean => Math.floor(((i + 1) * count) / total) > Math.floor((i * count) / total);
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

interface CellShape extends PlannedUnit {
  readonly cellType: CellType;
  readonly village: number | null;
  readonly size: number;
}

function cellShapes(): CellShape[] {
  const cells: CellShape[] = [];
  const cell = (code: string, parentCode: string, name: string, cellType: CellType, size: number, village: number | null = null, kind: PlannedUnit['kind'] = 'CELL'): void => {
    cells.push({ code, parentCode, kind, name, cellType, size, village });
  };
  COMMUNES.forEach((commune, c) => {
    const code = `X${pad(c + 1)}`;
    for (let v = 0; v < 10; v += 1) cell(`${code}-B${pad(v + 1)}`, code, `Chi bộ bản ${v + 1} xã ${commune}`, 'RESIDENTIAL', 5 + ((c * 10 + v) % 8), c * 10 + v);
    // 48 school cells: three in the first 14 communes, two in the last 3; 15 health stations in the first 15.
    for (let s = 0; s < (c < 14 ? 3 : 2); s += 1) cell(`${code}-T${s + 1}`, code, `Chi bộ Trường ${['Mầm non', 'Tiểu học', 'THCS'][s]} xã ${commune}`, 'PUBLIC_SERVICE', 10 + ((c + s) % 6));
    if (c < 15) cell(`${code}-YT`, code, `Chi bộ Trạm Y tế xã ${commune}`, 'PUBLIC_SERVICE', 6);
    cell(`${code}-CA`, code, `Chi bộ Công an xã ${commune}`, 'ARMED_FORCES', 8);
  });
  for (let i = 1; i <= 7; i += 1) cell(`CA-${i}`, 'CA', `Chi bộ Công an huyện số ${i}`, 'ARMED_FORCES', 20);
  for (let i = 1; i <= 3; i += 1) cell(`QS-${i}`, 'QS', `Chi bộ Ban Chỉ huy Quân sự huyện số ${i}`, 'ARMED_FORCES', 25);
  for (let i = 1; i <= 10; i += 1) cell(`YT-${i}`, 'YT', `Chi bộ Trung tâm Y tế huyện số ${i}`, 'PUBLIC_SERVICE', 15);
  // The document does not split the 41 grassroots cells by type: 30 agencies, 8 public service units, 3 enterprises is an assumption.
  for (let i = 1; i <= 30; i += 1) cell(`HC-${pad(i)}`, '', `Chi bộ cơ quan hành chính huyện số ${i}`, 'ADMINISTRATIVE_AGENCY', 16, null, 'GRASSROOTS_CELL');
  for (let i = 1; i <= 8; i += 1) cell(`SN-${i}`, '', `Chi bộ đơn vị sự nghiệp huyện số ${i}`, 'PUBLIC_SERVICE', 20, null, 'GRASSROOTS_CELL');
  for (let i = 1; i <= 3; i += 1) cell(`DN-${i}`, '', `Chi bộ doanh nghiệp số ${i}`, 'ENTERPRISE', 10, null, 'GRASSROOTS_CELL');
  // The rest of the 3,550 members go one by one to the cells that are not villages.
  const others = cells.filter((c) => c.village === null);
  const sizes = cells.map((c) => c.size);
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < TOTAL_MEMBERS; i += 1) sizes[cells.indexOf(others[i % others.length])] += 1;
  return cells.map((c, i) => ({ ...c, size: sizes[i] }));
}

export const COMMITTEES: readonly PlannedUnit[] = [
  ...COMMUNES.map((commune, c) => ({ code: `X${pad(c + 1)}`, parentCode: '', kind: 'GRASSROOTS_COMMITTEE' as const, name: `Đảng bộ xã ${commune}`, cellType: null })),
  { code: 'CA', parentCode: '', kind: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Công an huyện', cellType: null },
  { code: 'QS', parentCode: '', kind: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Quân sự huyện', cellType: null },
  { code: 'YT', parentCode: '', kind: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Trung tâm Y tế huyện', cellType: null },
];

function memberOf(j: number, cellCode: string, cohort: Cohort, k: number): PlannedMember {
  const female = spread((j * 7919) % TOTAL_MEMBERS, WOMEN, TOTAL_MEMBERS);
  const minority = spread((j * 4801) % TOTAL_MEMBERS, MINORITY, TOTAL_MEMBERS);
  const gender = female ? 'FEMALE' : 'MALE';
  const admissionDate = cohort === 'DEC_2023' ? `2023-12-${15 + (k % 12)}` : cohort === 'LATE_2022' ? addDays('2022-11-01', k * 4) : `${1990 + (j % 31)}-${pad((j % 12) + 1)}-${pad((j % 28) + 1)}`;
  const admissionYear = Number(admissionDate.slice(0, 4));
  const officialDate = cohort === 'STABLE' ? addDays(`${admissionYear + 1}${admissionDate.slice(4)}`, j % 30) : null;
  return {
    card: `PT${pad(j + 1, 6)}`,
    cellCode,
    fullName: `${FAMILY[j % FAMILY.length]} ${female ? 'Thị' : 'Văn'} ${GIVEN[gender][(j * 7) % GIVEN[gender].length]}`,
    gender,
    birthDate: `${admissionYear - 19 - (j % 22)}-${pad(((j * 5) % 12) + 1)}-${pad(((j * 3) % 28) + 1)}`,
    ethnicity: minority ? MINORITIES[j % MINORITIES.length] : 'Kinh',
    generalEducation: EDUCATION[j % EDUCATION.length],
    professionalQualification: QUALIFICATION[j % QUALIFICATION.length],
    politicalTheory: THEORY[j % THEORY.length],
    admissionDate,
    officialDate,
    cohort,
  };
}

function plannedCells(): PlannedCell[] {
  const shapes = cellShapes();
  const others = shapes.filter((c) => c.village === null);
  let j = 0;
  let dec = 0;
  let late = 0;
  return shapes.map((shape) => {
    const o = others.indexOf(shape);
    // 43 of the 134 admissions in village cells (rural), one in every fourth village; the other 91 and the 12 of late 2022 spread over the other cells.
    const admits = shape.village !== null ? shape.village % 4 === 0 : spread(o, ADMITTED_2023 - RURAL_ADMITTED_2023, others.length);
    const lates = shape.village === null && spread(o, LATE_2022, others.length);
    const cohorts: Cohort[] = Array.from({ length: shape.size - (admits ? 1 : 0) - (lates ? 1 : 0) }, () => 'STABLE' as Cohort);
    if (lates) cohorts.push('LATE_2022');
    if (admits) cohorts.push('DEC_2023');
    const members = cohorts.map((cohort) => memberOf(j++, shape.code, cohort, cohort === 'DEC_2023' ? dec++ : cohort === 'LATE_2022' ? late++ : 0));
    const { size: _size, ...unit } = shape;
    return { ...unit, members };
  });
}

export const CELLS: readonly PlannedCell[] = plannedCells();
export const MEMBERS: readonly PlannedMember[] = CELLS.flatMap((c) => c.members);
export const VILLAGES = CELLS.filter((c) => c.village !== null);
/** On every 2023 roster: all but those admitted in December 2023. */
export const rosterOf = (cell: PlannedCell): readonly PlannedMember[] => cell.members.filter((m) => m.cohort !== 'DEC_2023');

/**
 * A secretary in every cell; in the villages a village head in 135 (the secretary in villages
 * 0–93, another member in 94–134) and a Front work committee head in 97 (another member in
 * 0–93, the secretary in 94–96); 246 grassroots committee members, 13 in the first six communes
 * and 12 elsewhere, taken cell by cell from the committee's cells (their secretaries first).
 */
function plannedPositions(): PlannedPosition[] {
  const out: PlannedPosition[] = [];
  for (const cell of CELLS) {
    const [secretary, second, third] = rosterOf(cell);
    out.push({ card: secretary.card, unitCode: cell.code, position: 'SECRETARY' });
    if (cell.village === null) continue;
    const v = cell.village;
    if (v < 135) out.push({ card: (v < 94 ? secretary : second).card, unitCode: cell.code, position: 'VILLAGE_HEAD' });
    if (v < 97) out.push({ card: (v < 94 ? third : secretary).card, unitCode: cell.code, position: 'FRONT_WORK_COMMITTEE_HEAD' });
  }
  COMMITTEES.forEach((committee, c) => {
    const mine = CELLS.filter((cell) => cell.parentCode === committee.code).map(rosterOf);
    const wanted = c < COMMITTEE_MEMBERS - 12 * COMMITTEES.length ? 13 : 12;
    for (let k = 0, taken = 0; taken < wanted; k += 1) {
      for (const roster of mine) {
        if (taken < wanted && roster[k]) {
          out.push({ card: roster[k].card, unitCode: committee.code, position: 'COMMITTEE_MEMBER' });
          taken += 1;
        }
      }
    }
  });
  return out;
}

export const POSITIONS: readonly PlannedPosition[] = plannedPositions();

/**
 * 563 thematic meetings, each cell type's share dealt to its cells in turn, one round a quarter
 * (15th–24th of February, May, August, November); 179 on Hồ Chí Minh's thought spread evenly
 * over all of them, the others cycling through the other shared topics.
 */
function plannedThematic(): PlannedThematic[] {
  const out: PlannedThematic[] = [];
  let others = 0;
  for (const cellType of Object.keys(THEMATIC) as CellType[]) {
    const cells = CELLS.filter((c) => c.cellType === cellType);
    for (let i = 0; i < THEMATIC[cellType]; i += 1) {
      const g = out.length;
      const topic = spread(g, HO_CHI_MINH, 563) ? 'HO_CHI_MINH' : OTHER_TOPICS[others++ % OTHER_TOPICS.length];
      const round = Math.floor(i / cells.length);
      out.push({ cellCode: cells[i % cells.length].code, cellType, topic, heldOn: `2023-${pad(round * 3 + 2)}-${15 + (i % 10)}` });
    }
  }
  return out;
}

export const THEMATIC_MEETINGS: readonly PlannedThematic[] = plannedThematic();

/** Regular meetings: in each, floor(roster / 8) members absent (rotating by month), every other present; 105 minutes in odd months, 135 in even ones. */
export const absentees = (roster: readonly PlannedMember[], month: number): readonly PlannedMember[] =>
  Array.from({ length: Math.floor(roster.length / 8) }, (_, i) => roster[(month - 1 + i) % roster.length]);
export const regularDuration = (month: number): number => (month % 2 === 1 ? 105 : 135);

/** The 2023 public holidays that fall in the first week of a month (New Year; 29 April–3 May; 1–4 September). Tết (20–26 January) is left out: it moves no meeting. */
export const HOLIDAYS_2023: ReadonlyArray<[string, string]> = [
  ['2023-01-01', 'Tết Dương lịch'], ['2023-01-02', 'Nghỉ bù Tết Dương lịch'],
  ['2023-05-01', 'Quốc tế Lao động'], ['2023-05-02', 'Nghỉ hoán đổi'], ['2023-05-03', 'Nghỉ hoán đổi'],
  ['2023-09-01', 'Nghỉ Quốc khánh'], ['2023-09-02', 'Quốc khánh'], ['2023-09-03', 'Nghỉ Quốc khánh'], ['2023-09-04', 'Nghỉ Quốc khánh'],
];

export const CSV_UNITS = ['code,parentCode,kind,name,cellType,foundedOn',
  ...[...COMMITTEES, ...CELLS].map((u) => [u.code, u.parentCode, u.kind, u.name, u.cellType ?? '', '1990-01-01'].join(','))].join('\n');

export const membersCsv = (members: readonly PlannedMember[]): string => ['partyCardNumber,cellCode,fullName,gender,birthDate,ethnicity,generalEducation,professionalQualification,politicalTheory,admissionDate,officialDate',
  ...members.map((m) => [m.card, m.cellCode, m.fullName, m.gender, m.birthDate, m.ethnicity, m.generalEducation, m.professionalQualification, m.politicalTheory, m.admissionDate, m.officialDate ?? ''].join(','))].join('\n');
