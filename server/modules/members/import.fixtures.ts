// Test fixtures of the members' Excel import: workbooks built with exceljs,
// a small union tree with an officer, a chair and a viewer, and a poll-wait.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Executor } from '../../db/client.js';
import { memberEvents, members, memberUnitPeriods } from '../../db/schema/index.js';
import { loadAssignments, type Actor } from '../../lib/access.js';
import { foldText } from '../../lib/search-text.js';
import { createUnit, createUser } from '../../../test/factories.js';
import { columnHeader, IMPORT_COLUMNS, type ImportColumnKey } from './import-columns.js';

export const HEADERS = IMPORT_COLUMNS.map((c) => columnHeader(c));

export type RowInput = Partial<Record<ImportColumnKey, ExcelJS.CellValue>>;

/** A row in template column order. */
export function rowValues(row: RowInput): ExcelJS.CellValue[] {
  return IMPORT_COLUMNS.map((c) => row[c.key] ?? null);
}

export interface WorkbookOptions {
  headers?: string[];
  sheetName?: string;
  /** Text-format every cell (as the template's text columns do). */
  merges?: string[];
}

/** An XLSX with the given header row and rows (arrays of cell values, or RowInput in template order). */
export async function buildWorkbook(rows: Array<RowInput | ExcelJS.CellValue[]>, options: WorkbookOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Đoàn viên');
  sheet.addRow(options.headers ?? HEADERS);
  for (const row of rows) sheet.addRow(Array.isArray(row) ? row : rowValues(row));
  for (const m of options.merges ?? []) sheet.mergeCells(m);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A large file written with the streaming writer (little memory). */
export async function buildLargeWorkbook(count: number, row: (i: number) => RowInput): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Đoàn viên');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < count; i++) sheet.addRow(rowValues(row(i))).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** The i-th synthetic member: unique name, CCCD and card. */
export function syntheticMember(i: number, unitCode: string): RowInput {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng'][i % 8]!;
  const middle = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Minh'][i % 5]!;
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quân'][i % 10]!;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    fullName: `${family} ${middle} ${given} ${i}`,
    gender: i % 2 === 0 ? 'Nam' : 'Nữ',
    birthDate: `${day}/${month}/${1960 + (i % 40)}`,
    citizenId: String(79_000_000_000 + i).padStart(12, '0'),
    phone: `09${String(i).padStart(8, '0')}`,
    email: i % 3 === 0 ? `dv${i}@example.com` : null,
    ethnicity: 'Kinh',
    job: 'Công nhân',
    workplace: 'Công ty TNHH Vĩnh Thuận',
    unitCode,
    admittedOn: `${day}/${month}/2020`,
    cardNumber: `TDV${String(i).padStart(8, '0')}`,
    unionPosition: i % 50 === 0 ? 'Tổ trưởng công đoàn' : null,
    partyMember: i % 7 === 0 ? 'Có' : null,
  };
}

/**
 * A province federation P with two CĐCS (A, B) and a section S under A; a
 * district federation D (not grassroots); a CĐCS X in another province (out
 * of scope). Users: officer of P (federation_officer, subtree), chair of A
 * (grassroots_officer, own unit only), viewer of P, system admin.
 */
export async function seedImportFixture(db: Executor) {
  const tag = Math.random().toString(36).slice(2, 7).toUpperCase();
  const from = '2000-01-01';
  const province = await createUnit(db, { code: `P-${tag}`, fullName: 'LĐLĐ tỉnh Kiên Giang', validFrom: from });
  const district = await createUnit(db, { code: `D-${tag}`, kind: 'district_federation', parentId: province.id, validFrom: from });
  const unitA = await createUnit(db, { code: `A-${tag}`, fullName: 'CĐCS Trường THCS Vĩnh Thuận', parentId: district.id, validFrom: from });
  const unitB = await createUnit(db, {
    code: `B-${tag}`,
    fullName: 'CĐCS Công ty Vĩnh Thuận',
    parentId: district.id,
    validFrom: '2021-01-01',
  });
  const section = await createUnit(db, { code: `S-${tag}`, kind: 'section', parentId: unitA.id, sector: null, validFrom: from });
  const otherProvince = await createUnit(db, { code: `Q-${tag}`, validFrom: from });
  const unitX = await createUnit(db, { code: `X-${tag}`, parentId: otherProvince.id, validFrom: from });
  const officer = await createUser(db, { role: 'federation_officer', unitId: province.id });
  const chair = await createUser(db, { role: 'grassroots_officer', unitId: unitA.id, includesSubtree: false });
  const viewer = await createUser(db, { role: 'viewer', unitId: province.id });
  const admin = await createUser(db, { role: 'system_admin', unitId: province.id });
  const english = await createUser(db, { role: 'federation_officer', unitId: province.id, locale: 'en' });
  return { province, district, unitA, unitB, section, otherProvince, unitX, officer, chair, viewer, admin, english };
}

/** Polls until check() gives a value (bounded tries, short sleeps). */
export async function waitFor<T>(check: () => Promise<T | null | undefined>, tries = 600, sleepMs = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    await new Promise((r) => setTimeout(r, sleepMs));
  }
  throw new Error('waitFor: gave up');
}

/** The Actor of a test user, as the API builds it. */
export async function actorOf(db: Executor, user: { id: string; username: string; fullName: string; locale?: string }): Promise<Actor> {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    locale: user.locale === 'en' ? 'en' : 'vi',
    assignments: await loadAssignments(db, user.id),
  };
}

/** A member already in the registry (admitted, with event and period), written directly. */
export async function insertMember(
  db: Executor,
  input: {
    fullName: string;
    birthDate: string;
    unitId: string;
    citizenId?: string | null;
    cardNumber?: string | null;
    admittedOn?: string;
  },
) {
  const admittedOn = input.admittedOn ?? '2020-01-01';
  const [m] = await db
    .insert(members)
    .values({
      fullName: input.fullName,
      nameFolded: foldText(input.fullName),
      gender: 'male',
      birthDate: input.birthDate,
      citizenId: input.citizenId ?? null,
      cardNumber: input.cardNumber ?? null,
      unitId: input.unitId,
      status: 'active',
      admittedOn,
    })
    .returning();
  await db.insert(memberEvents).values({ memberId: m!.id, kind: 'admitted', eventDate: admittedOn, unitId: input.unitId });
  await db.insert(memberUnitPeriods).values({ memberId: m!.id, unitId: input.unitId, validFrom: admittedOn });
  return m!;
}
