// Enumerations shared by the server, the API schemas and the web app.

/** Kinds of org unit (loại đơn vị công đoàn). */
export const ORG_UNIT_KINDS = [
  'national_confederation', // Tổng Liên đoàn Lao động Việt Nam
  'province_federation', // LĐLĐ tỉnh / thành phố
  'district_federation', // LĐLĐ huyện / quận
  'sector_union', // Công đoàn ngành
  'industrial_zone_union', // Công đoàn khu công nghiệp
  'commune_union', // Công đoàn xã / phường (from 1 July 2025)
  'grassroots_union', // Công đoàn cơ sở (CĐCS)
  'section', // Công đoàn bộ phận / tổ công đoàn
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Sector of a grassroots union (khu vực). */
export const GRASSROOTS_SECTORS = [
  'state_agency', // cơ quan nhà nước
  'public_service_unit', // đơn vị sự nghiệp công lập
  'state_enterprise', // doanh nghiệp nhà nước
  'non_state_enterprise', // doanh nghiệp ngoài nhà nước
  'foreign_invested_enterprise', // doanh nghiệp có vốn đầu tư nước ngoài
  'cooperative', // hợp tác xã
  'other',
] as const;
export type GrassrootsSector = (typeof GRASSROOTS_SECTORS)[number];

/** Roles (DOMAIN.md "Roles"); each assignment is scoped to one unit. */
export const ROLES = [
  'system_admin', // Quản trị hệ thống
  'federation_leader', // Lãnh đạo LĐLĐ (Chủ tịch, Phó Chủ tịch, BTV)
  'federation_officer', // Cán bộ LĐLĐ (Văn phòng, ban)
  'inspection_officer', // Cán bộ UBKT
  'grassroots_officer', // Chủ tịch / cán bộ CĐCS
  'viewer', // Người xem
] as const;
export type Role = (typeof ROLES)[number];

/** Successor links between units (merge, split). */
export const ORG_UNIT_LINK_KINDS = ['merged_into', 'split_from'] as const;
export type OrgUnitLinkKind = (typeof ORG_UNIT_LINK_KINDS)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
