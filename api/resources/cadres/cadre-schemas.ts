import { z } from '@hono/zod-openapi';
import { COMMITTEES, EDUCATION_LEVELS, POSITION_TITLES } from '../../../db/schema.js';
import { parseIdNumber } from '../../../domain/id-number.js';
import { bilingual } from '../../validation/bilingual-errors.js';
import { calendarDate } from '../../validation/calendar-date.js';
import { idsFilter, searchFilter } from '../list-query.js';
import { plainText } from '../../validation/plain-text.js';

const gender = z.enum(['male', 'female']).openapi({ description: 'male 男 / female 女' });
const education = z.enum(EDUCATION_LEVELS);
const isoDate = calendarDate();

export const PositionSchema = z
  .object({
    committee: z.enum(COMMITTEES).openapi({
      description: 'party_branch 村党组织 / villagers_committee 村(居)委会 / party_liaison 党建联络员',
    }),
    title: z.enum(POSITION_TITLES).openapi({
      description:
        'secretary 书记 / deputy_secretary 副书记 / director 主任 / deputy_director 副主任 / member 委员 / liaison_officer 党建联络员',
    }),
    termStart: isoDate,
    termEnd: isoDate,
  })
  .strict()
  .refine((p) => p.termEnd > p.termStart, {
    message: bilingual('任期结束应晚于开始', 'term must end after it starts'),
    path: ['termEnd'],
  })
  .openapi('Position');

export const CadreSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    gender,
    birthDate: z
      .string()
      .optional()
      .openapi({ description: '出生日期; only when piiMasked is false (it is eight of the hidden digits)' }),
    birthYear: z.number().int(),
    age: z.number().int(),
    idNumber: z.string().openapi({ description: '身份证号; masked (last two characters) unless piiMasked is false' }),
    phone: z.string().openapi({ description: '手机号; masked unless piiMasked is false' }),
    piiMasked: z.boolean(),
    education,
    partyMember: z.boolean(),
    townshipId: z.number().int(),
    townshipName: z.string(),
    villageId: z.number().int(),
    villageName: z.string(),
    newlyElected: z.boolean(),
    isMentor: z.boolean(),
    isReserve: z
      .boolean()
      .openapi({ description: '后备干部: in the pool (试用期 or 在库), read from the reserve pool' }),
    positions: z.array(PositionSchema),
  })
  .openapi('Cadre');

const fields = {
  name: plainText().min(2).max(20),
  gender,
  birthDate: isoDate,
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => parseIdNumber(v) !== undefined, {
      message: bilingual('身份证号无效（18 位，校验位不符或日期不对）', 'not a valid 18-character ID number'),
    }),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, bilingual('手机号应为 11 位数字', 'phone must be an 11-digit mobile number')),
  education,
  partyMember: z.boolean(),
  villageId: z.number().int().positive().max(2147483647),
  newlyElected: z.boolean().optional(),
  isMentor: z.boolean().optional(),
  positions: z.array(PositionSchema).max(4).optional(),
};

/** The ID number encodes the birth date and the gender; they must agree with the form. */
export function birthDateMatches(v: { idNumber?: string; birthDate?: string }) {
  if (!v.idNumber || !v.birthDate) return true;
  return parseIdNumber(v.idNumber)?.birthDate === v.birthDate;
}
export function genderMatches(v: { idNumber?: string; gender?: string }) {
  if (!v.idNumber || !v.gender) return true;
  return parseIdNumber(v.idNumber)?.gender === v.gender;
}
export const BIRTH_DATE_MISMATCH = {
  message: bilingual('出生日期与身份证号不一致', 'birth date does not match the ID number'),
  path: ['birthDate'],
};
export const GENDER_MISMATCH = {
  message: bilingual('性别与身份证号不一致', 'gender does not match the ID number'),
  path: ['gender'],
};

export const CadreInput = z
  .object(fields)
  .strict()
  .refine(birthDateMatches, BIRTH_DATE_MISMATCH)
  .refine(genderMatches, GENDER_MISMATCH)
  .openapi('CadreInput');
export const CadreUpdate = z
  .object(fields)
  .partial()
  .strict()
  .refine(birthDateMatches, BIRTH_DATE_MISMATCH)
  .refine(genderMatches, GENDER_MISMATCH)
  .openapi('CadreUpdate');

const bool = z.boolean().optional();
export const CadreFilter = z
  .object({
    q: searchFilter,
    townshipId: z.number().int().positive().max(2147483647).optional(),
    villageId: z.number().int().positive().max(2147483647).optional(),
    gender: gender.optional(),
    education: education.optional(),
    partyMember: bool,
    newlyElected: bool,
    isMentor: bool,
    isReserve: bool,
    id: idsFilter,
  })
  .strict();

// No sort by birth date: its order over a county's list would narrow the masked birth dates.
export const CADRE_SORTS = [
  'id',
  'name',
  'gender',
  'birthYear',
  'age',
  'education',
  'partyMember',
  'townshipId',
  'villageId',
  'newlyElected',
  'isMentor',
  'isReserve',
] as const;
