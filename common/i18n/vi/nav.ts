// Navigation labels.
export const nav = {
  home: 'Tổng quan',
  units: 'Cây đơn vị',
  users: 'Người dùng',
  audit: 'Nhật ký hệ thống',
  account: 'Tài khoản',
  changePassword: 'Đổi mật khẩu',
  signOut: 'Đăng xuất',
  menu: 'Danh mục',
  programs: 'Chương trình công tác',
  members: 'Đoàn viên',
  targets: 'Tiến độ chỉ tiêu',
  catalogue: 'Danh mục chỉ tiêu',
  unitEnded: '{unit} đã kết thúc hoạt động từ {date} — bạn chỉ xem được dữ liệu lịch sử',
  compliance: 'Theo dõi nộp báo cáo',
  activities: 'Hoạt động',
  reminders: 'Nhật ký nhắc nhở',
} as const;
