// The score sheet's checks without a server: wrong columns, a score of 101, a repeated row, an
// applicant not sitting the exam and a name not matching the ID number, each named by row and
// column; a good sheet with an absent applicant.
import { describe, expect, it } from 'vitest';
import { validIdNumber } from '../../../test/support/id-numbers.js';
import { matchScoreRows, parseScoreSheet, scoreTemplate } from './score-spreadsheet.js';

const a = { idNumber: validIdNumber('1994-05-01', '712'), name: '报考甲' };
const b = { idNumber: validIdNumber('1994-05-01', '714'), name: '报考乙' };
const fieldsOf = async (p: Promise<unknown>) =>
  (
    (await p.then(
      () => expect.unreachable('accepted'),
      (e: { status: number; fields: { field: string }[] }) => {
        expect(e.status).toBe(400);
        return e.fields;
      },
    )) ?? []
  ).map((f) => f.field);

describe('recruitment score sheet', () => {
  it('refuses a sheet without the exam’s column, naming it', async () => {
    const bytes = await scoreTemplate('written', [{ ...a, score: 70 }], ['身份证号', '姓名', '面试成绩']);
    expect(await fieldsOf(parseScoreSheet(bytes, 'written'))).toEqual(['第1行 笔试成绩']);
  });

  it('refuses a score of 101 and a repeated row, naming row and column', async () => {
    const bytes = await scoreTemplate('interview', [
      { ...a, score: 101 },
      { ...b, score: 80 },
      { ...b, score: 81 },
    ]);
    expect(await fieldsOf(parseScoreSheet(bytes, 'interview'))).toEqual(['第2行 面试成绩', '第4行 身份证号']);
  });

  it('reads 缺考 as absent, and refuses an unknown applicant or a wrong name', async () => {
    const rows = await parseScoreSheet(
      await scoreTemplate('written', [
        { ...a, score: 72.5 },
        { ...b, score: '缺考' },
      ]),
      'written',
    );
    const sitting = [
      { applicationId: 1, ...a },
      { applicationId: 2, ...b },
    ];
    expect(matchScoreRows(rows, sitting)).toEqual([
      { applicationId: 1, score: 72.5 },
      { applicationId: 2, score: null },
    ]);
    expect(() => matchScoreRows(rows, [sitting[0]])).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: '第3行 身份证号' })] }),
    );
    expect(() => matchScoreRows(rows, [sitting[0], { ...sitting[1], name: '别人' }])).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: '第3行 姓名' })] }),
    );
  });
});
