// Demo union tree: LĐLĐ huyện Vĩnh Thuận (Kiên Giang) before 1 July 2025 and
// the structure after the merger into LĐLĐ tỉnh An Giang. Names of enterprises
// are invented for the demo.
import type { GrassrootsSector, OrgUnitKind, OrgUnitLinkKind } from '../../common/enums.js';

export interface DemoUnit {
  code: string;
  fullName: string;
  shortName: string;
  kind: OrgUnitKind;
  sector?: GrassrootsSector;
  address?: string;
  validFrom: string;
  validTo?: string;
  /** Grassroots unions: founding (recognition) decision number; the founding date is validFrom. */
  foundingDecision?: string;
  /**
   * Grassroots unions: members at founding. Left out for the CĐCS founded
   * with members of the demo registry (the 2025 commune CĐCS): the demo load
   * counts them from members-2024.ts.
   */
  initialMemberCount?: number;
  /** Parent history: [parentCode, from, to?]. */
  parents: Array<[string, string, string?]>;
}

export interface DemoLink {
  from: string;
  to: string;
  kind: OrgUnitLinkKind;
  date: string;
}

const VT_END = '2025-06-30';
const NEW_START = '2025-07-01';
const VT = 'VT';
const grassroots = (
  code: string,
  fullName: string,
  shortName: string,
  sector: GrassrootsSector,
  address: string,
  after: string | null,
  validFrom = '2005-01-01',
): DemoUnit => ({
  code,
  fullName,
  shortName,
  kind: 'grassroots_union',
  sector,
  address,
  validFrom,
  ...(after === null ? { validTo: VT_END } : {}),
  ...FOUNDING[code],
  parents:
    after === null
      ? [[VT, validFrom, VT_END]]
      : [
          [VT, validFrom, VT_END],
          [after, NEW_START],
        ],
});

/**
 * Founding records of the Vĩnh Thuận CĐCS (hồ sơ thành lập): decisions of
 * LĐLĐ huyện Vĩnh Thuận and members at founding (at least 5, Điều lệ Công
 * đoàn Việt Nam). VT21's 9 founding members are in the demo registry.
 */
const FOUNDING: Record<string, { foundingDecision: string; initialMemberCount?: number }> = {
  VT01: { foundingDecision: '01/QĐ-LĐLĐ', initialMemberCount: 32 },
  VT02: { foundingDecision: '02/QĐ-LĐLĐ', initialMemberCount: 15 },
  VT03: { foundingDecision: '03/QĐ-LĐLĐ', initialMemberCount: 11 },
  VT04: { foundingDecision: '04/QĐ-LĐLĐ', initialMemberCount: 10 },
  VT05: { foundingDecision: '05/QĐ-LĐLĐ', initialMemberCount: 9 },
  VT06: { foundingDecision: '06/QĐ-LĐLĐ', initialMemberCount: 8 },
  VT07: { foundingDecision: '07/QĐ-LĐLĐ', initialMemberCount: 10 },
  VT08: { foundingDecision: '08/QĐ-LĐLĐ', initialMemberCount: 9 },
  VT09: { foundingDecision: '09/QĐ-LĐLĐ', initialMemberCount: 8 },
  VT10: { foundingDecision: '10/QĐ-LĐLĐ', initialMemberCount: 41 },
  VT11: { foundingDecision: '11/QĐ-LĐLĐ', initialMemberCount: 35 },
  VT12: { foundingDecision: '12/QĐ-LĐLĐ', initialMemberCount: 24 },
  VT13: { foundingDecision: '13/QĐ-LĐLĐ', initialMemberCount: 18 },
  VT14: { foundingDecision: '14/QĐ-LĐLĐ', initialMemberCount: 96 },
  VT15: { foundingDecision: '15/QĐ-LĐLĐ', initialMemberCount: 6 },
  VT16: { foundingDecision: '16/QĐ-LĐLĐ', initialMemberCount: 38 },
  VT17: { foundingDecision: '17/QĐ-LĐLĐ', initialMemberCount: 64 },
  VT18: { foundingDecision: '18/QĐ-LĐLĐ', initialMemberCount: 45 },
  VT19: { foundingDecision: '19/QĐ-LĐLĐ', initialMemberCount: 12 },
  VT20: { foundingDecision: '20/QĐ-LĐLĐ', initialMemberCount: 15 },
  VT21: { foundingDecision: '38/QĐ-LĐLĐ', initialMemberCount: 9 },
  // Founded by LĐLĐ tỉnh An Giang with the members of the merged CĐCS.
  'AG-CQVT': { foundingDecision: '215/QĐ-LĐLĐ' },
  'AG-CQVB': { foundingDecision: '216/QĐ-LĐLĐ' },
  'AG-CQVP': { foundingDecision: '217/QĐ-LĐLĐ' },
};

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: 'TLD',
    fullName: 'Tổng Liên đoàn Lao động Việt Nam',
    shortName: 'Tổng LĐLĐ Việt Nam',
    kind: 'national_confederation',
    address: '82 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội',
    validFrom: '1929-07-28',
    parents: [],
  },
  {
    code: 'KG',
    fullName: 'Liên đoàn Lao động tỉnh Kiên Giang',
    shortName: 'LĐLĐ tỉnh Kiên Giang',
    kind: 'province_federation',
    address: 'Rạch Giá, Kiên Giang',
    validFrom: '1976-01-01',
    validTo: VT_END,
    parents: [['TLD', '1976-01-01', VT_END]],
  },
  {
    code: 'AG',
    fullName: 'Liên đoàn Lao động tỉnh An Giang',
    shortName: 'LĐLĐ tỉnh An Giang',
    kind: 'province_federation',
    address: 'Rạch Giá, An Giang',
    validFrom: '1976-01-01',
    parents: [['TLD', '1976-01-01']],
  },
  {
    code: VT,
    fullName: 'Liên đoàn Lao động huyện Vĩnh Thuận',
    shortName: 'LĐLĐ huyện Vĩnh Thuận',
    kind: 'district_federation',
    address: 'Thị trấn Vĩnh Thuận, huyện Vĩnh Thuận, tỉnh Kiên Giang',
    validFrom: '1986-01-01',
    validTo: VT_END,
    parents: [['KG', '1986-01-01', VT_END]],
  },
  // Commune-level unions from 1 July 2025.
  ...(
    [
      ['AG-XVT', 'Công đoàn xã Vĩnh Thuận', 'CĐ xã Vĩnh Thuận'],
      ['AG-XVB', 'Công đoàn xã Vĩnh Bình', 'CĐ xã Vĩnh Bình'],
      ['AG-XVP', 'Công đoàn xã Vĩnh Phong', 'CĐ xã Vĩnh Phong'],
    ] as const
  ).map(([code, fullName, shortName]): DemoUnit => ({
    code,
    fullName,
    shortName,
    kind: 'commune_union',
    address: `${fullName.replace('Công đoàn ', '')}, tỉnh An Giang`,
    validFrom: NEW_START,
    parents: [['AG', NEW_START]],
  })),
  // Grassroots unions of Vĩnh Thuận (CĐCS).
  grassroots(
    'VT01',
    'Công đoàn cơ sở Cơ quan Ủy ban nhân dân huyện Vĩnh Thuận',
    'CĐCS Cơ quan UBND huyện',
    'state_agency',
    'Thị trấn Vĩnh Thuận',
    null,
  ),
  grassroots(
    'VT02',
    'Công đoàn cơ sở Ủy ban nhân dân thị trấn Vĩnh Thuận',
    'CĐCS UBND TT Vĩnh Thuận',
    'state_agency',
    'Thị trấn Vĩnh Thuận',
    null,
  ),
  grassroots('VT03', 'Công đoàn cơ sở Ủy ban nhân dân xã Vĩnh Thuận', 'CĐCS UBND xã Vĩnh Thuận', 'state_agency', 'Xã Vĩnh Thuận', null),
  grassroots(
    'VT04',
    'Công đoàn cơ sở Ủy ban nhân dân xã Vĩnh Bình Bắc',
    'CĐCS UBND xã Vĩnh Bình Bắc',
    'state_agency',
    'Xã Vĩnh Bình Bắc',
    null,
  ),
  grassroots(
    'VT05',
    'Công đoàn cơ sở Ủy ban nhân dân xã Vĩnh Bình Nam',
    'CĐCS UBND xã Vĩnh Bình Nam',
    'state_agency',
    'Xã Vĩnh Bình Nam',
    null,
  ),
  grassroots('VT06', 'Công đoàn cơ sở Ủy ban nhân dân xã Bình Minh', 'CĐCS UBND xã Bình Minh', 'state_agency', 'Xã Bình Minh', null),
  grassroots('VT07', 'Công đoàn cơ sở Ủy ban nhân dân xã Tân Thuận', 'CĐCS UBND xã Tân Thuận', 'state_agency', 'Xã Tân Thuận', null),
  grassroots('VT08', 'Công đoàn cơ sở Ủy ban nhân dân xã Phong Đông', 'CĐCS UBND xã Phong Đông', 'state_agency', 'Xã Phong Đông', null),
  grassroots('VT09', 'Công đoàn cơ sở Ủy ban nhân dân xã Vĩnh Phong', 'CĐCS UBND xã Vĩnh Phong', 'state_agency', 'Xã Vĩnh Phong', null),
  grassroots(
    'VT10',
    'Công đoàn cơ sở Trường Trung học phổ thông Vĩnh Thuận',
    'CĐCS Trường THPT Vĩnh Thuận',
    'public_service_unit',
    'Thị trấn Vĩnh Thuận',
    'AG-XVT',
  ),
  grassroots(
    'VT11',
    'Công đoàn cơ sở Trường Trung học cơ sở thị trấn Vĩnh Thuận',
    'CĐCS Trường THCS TT Vĩnh Thuận',
    'public_service_unit',
    'Thị trấn Vĩnh Thuận',
    'AG-XVT',
  ),
  grassroots(
    'VT12',
    'Công đoàn cơ sở Trường Tiểu học Vĩnh Bình Bắc 1',
    'CĐCS Trường TH Vĩnh Bình Bắc 1',
    'public_service_unit',
    'Xã Vĩnh Bình Bắc',
    'AG-XVB',
  ),
  grassroots(
    'VT13',
    'Công đoàn cơ sở Trường Mầm non Hoa Sen',
    'CĐCS Trường MN Hoa Sen',
    'public_service_unit',
    'Xã Vĩnh Bình Nam',
    'AG-XVB',
  ),
  grassroots(
    'VT14',
    'Công đoàn cơ sở Trung tâm Y tế huyện Vĩnh Thuận',
    'CĐCS Trung tâm Y tế Vĩnh Thuận',
    'public_service_unit',
    'Thị trấn Vĩnh Thuận',
    'AG',
  ),
  grassroots(
    'VT15',
    'Công đoàn cơ sở Trạm Y tế xã Vĩnh Phong',
    'CĐCS Trạm Y tế Vĩnh Phong',
    'public_service_unit',
    'Xã Vĩnh Phong',
    'AG-XVP',
  ),
  grassroots(
    'VT16',
    'Công đoàn cơ sở Chi nhánh Điện lực Vĩnh Thuận',
    'CĐCS Điện lực Vĩnh Thuận',
    'state_enterprise',
    'Thị trấn Vĩnh Thuận',
    'AG',
  ),
  grassroots(
    'VT17',
    'Công đoàn cơ sở Công ty TNHH Thủy sản Phú Thuận',
    'CĐCS Cty Thủy sản Phú Thuận',
    'non_state_enterprise',
    'Xã Tân Thuận',
    'AG-XVT',
  ),
  grassroots(
    'VT18',
    'Công đoàn cơ sở Công ty TNHH MTV Lúa gạo Tân Thuận',
    'CĐCS Cty Lúa gạo Tân Thuận',
    'non_state_enterprise',
    'Xã Tân Thuận',
    'AG-XVT',
  ),
  grassroots(
    'VT19',
    'Công đoàn cơ sở Doanh nghiệp tư nhân Xăng dầu Phong Đông',
    'CĐCS DNTN Xăng dầu Phong Đông',
    'non_state_enterprise',
    'Xã Phong Đông',
    'AG-XVP',
  ),
  grassroots(
    'VT20',
    'Công đoàn cơ sở Hợp tác xã Nông nghiệp Vĩnh Bình Nam',
    'CĐCS HTX NN Vĩnh Bình Nam',
    'cooperative',
    'Xã Vĩnh Bình Nam',
    'AG-XVB',
  ),
  // Founded in 2024 in a non-state enterprise (target 7b).
  grassroots(
    'VT21',
    'Công đoàn cơ sở Công ty TNHH Thực phẩm Sao Mai Vĩnh Thuận',
    'CĐCS Cty Thực phẩm Sao Mai',
    'non_state_enterprise',
    'Xã Vĩnh Bình Bắc',
    'AG-XVB',
    '2024-08-15',
  ),
  // After 1 July 2025: the commune People's Committees merged.
  ...(
    [
      ['AG-CQVT', 'Công đoàn cơ sở Cơ quan xã Vĩnh Thuận', 'CĐCS Cơ quan xã Vĩnh Thuận', 'AG-XVT'],
      ['AG-CQVB', 'Công đoàn cơ sở Cơ quan xã Vĩnh Bình', 'CĐCS Cơ quan xã Vĩnh Bình', 'AG-XVB'],
      ['AG-CQVP', 'Công đoàn cơ sở Cơ quan xã Vĩnh Phong', 'CĐCS Cơ quan xã Vĩnh Phong', 'AG-XVP'],
    ] as const
  ).map(([code, fullName, shortName, parent]): DemoUnit => ({
    code,
    fullName,
    shortName,
    kind: 'grassroots_union',
    sector: 'state_agency',
    address: `${fullName.replace('Công đoàn cơ sở Cơ quan ', '')}, tỉnh An Giang`,
    validFrom: NEW_START,
    ...FOUNDING[code],
    parents: [[parent, NEW_START]],
  })),
];

export const DEMO_LINKS: DemoLink[] = [
  { from: 'KG', to: 'AG', kind: 'merged_into', date: NEW_START },
  ...['VT02', 'VT03', 'VT06'].map((from) => ({ from, to: 'AG-CQVT', kind: 'merged_into' as const, date: NEW_START })),
  ...['VT04', 'VT05'].map((from) => ({ from, to: 'AG-CQVB', kind: 'merged_into' as const, date: NEW_START })),
  ...['VT07', 'VT08', 'VT09'].map((from) => ({ from, to: 'AG-CQVP', kind: 'merged_into' as const, date: NEW_START })),
];
