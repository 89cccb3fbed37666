// One line of plain text (names, user names, search words): control characters such as NUL
// break PostgreSQL (500) or hide in the console, so they are refused with the field's name.
import { z } from '@hono/zod-openapi';
import { bilingual } from './bilingual-errors.js';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001F\u007F-\u009F]*$/;

/** A trimmed single-line string without control characters. */
export const plainText = () =>
  z.string().trim().regex(NO_CONTROL_CHARACTERS, bilingual('不能包含控制字符', 'must not contain control characters'));
