import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Diacritics-insensitive search (tìm kiếm không dấu): "nguyen van" finds
// "Nguyễn Văn". Done with translate() so it runs on PGlite and PostgreSQL
// without the unaccent extension.

/** Lower-case, without Vietnamese diacritics: "Đặng Thu Hà" → "dang thu ha". */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

const ACCENTED_LOWER =
  'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const FROM = ACCENTED_LOWER + ACCENTED_LOWER.toUpperCase();
const TO = [...FROM].map(foldText).join('');

/** SQL: the column lower-cased and without diacritics (matches foldText). */
export function foldedColumn(column: AnyPgColumn | SQL): SQL {
  return sql`lower(translate(${column}, ${FROM}, ${TO}))`;
}

/** A LIKE pattern "contains this text", with %, _ and \ escaped. */
export function containsPattern(text: string): string {
  return `%${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
