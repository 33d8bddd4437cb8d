import type { Role } from '../../common/enums.js';

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitCode: string;
  includesSubtree: boolean;
  description: string;
}

/** One demo user per role, at the right units (printed by npm start). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    password: 'Admin@2024',
    fullName: 'Quản trị hệ thống',
    role: 'system_admin',
    unitCode: 'TLD',
    includesSubtree: true,
    description: 'Quản trị hệ thống (toàn bộ cây đơn vị)',
  },
  {
    username: 'lanhdao.vt',
    password: 'Demo@2024',
    fullName: 'Nguyễn Văn Hùng',
    role: 'federation_leader',
    unitCode: 'VT',
    includesSubtree: true,
    description: 'Chủ tịch LĐLĐ huyện Vĩnh Thuận',
  },
  {
    username: 'vanphong.vt',
    password: 'Demo@2024',
    fullName: 'Trần Thị Mai',
    role: 'federation_officer',
    unitCode: 'VT',
    includesSubtree: true,
    description: 'Văn phòng LĐLĐ huyện Vĩnh Thuận (được Chủ tịch ủy quyền ban hành văn bản)',
  },
  {
    username: 'ubkt.vt',
    password: 'Demo@2024',
    fullName: 'Lê Minh Tâm',
    role: 'inspection_officer',
    unitCode: 'VT',
    includesSubtree: true,
    description: 'Ủy ban kiểm tra LĐLĐ huyện Vĩnh Thuận',
  },
  {
    username: 'cdcs.thpt',
    password: 'Demo@2024',
    fullName: 'Phạm Thị Lan',
    role: 'grassroots_officer',
    unitCode: 'VT10',
    includesSubtree: false,
    description: 'Chủ tịch CĐCS Trường THPT Vĩnh Thuận',
  },
  {
    username: 'cdcs.thuysan',
    password: 'Demo@2024',
    fullName: 'Võ Văn Phúc',
    role: 'grassroots_officer',
    unitCode: 'VT17',
    includesSubtree: false,
    description: 'Chủ tịch CĐCS Cty Thủy sản Phú Thuận',
  },
  {
    username: 'xem.vt',
    password: 'Demo@2024',
    fullName: 'Đặng Thu Hà',
    role: 'viewer',
    unitCode: 'VT',
    includesSubtree: true,
    description: 'Người xem, LĐLĐ huyện Vĩnh Thuận',
  },
  {
    username: 'vanphong.ag',
    password: 'Demo@2024',
    fullName: 'Huỳnh Thanh Sơn',
    role: 'federation_officer',
    unitCode: 'AG',
    includesSubtree: true,
    description: 'Văn phòng LĐLĐ tỉnh An Giang (sau 01/7/2025)',
  },
];

/**
 * Ủy quyền ban hành (docs/issue-delegations.md): the leader who grants, the
 * officer who may then issue the unit's documents, from when (open-ended).
 * Written by the loader through grantIssueDelegation, as the leader.
 */
export const DEMO_ISSUE_DELEGATIONS: Array<{ unitCode: string; grantedBy: string; officer: string; validFrom: string }> = [
  { unitCode: 'VT', grantedBy: 'lanhdao.vt', officer: 'vanphong.vt', validFrom: '2024-01-01' },
];
