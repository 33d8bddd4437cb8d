// notifications: the bell and the notices' texts (docs/reporting-office.md). Ships
// with the first screens (the bell is on every page): keep it short; the reminder
// log's and the e-mail's words are in reportReview.
export const notifications = {
  title: 'Thông báo',
  bell: 'Thông báo ({count} chưa đọc)',
  empty: 'Chưa có thông báo nào.',
  markRead: 'Đánh dấu đã đọc',
  markAllRead: 'Đánh dấu tất cả đã đọc',
  all: 'Tất cả',
  unreadOnly: 'Chỉ chưa đọc',
  // Texts per kind; {period} = "Tháng 3/2024", {units} = names (digests), {count} = how many units.
  kind_report_due_soon: 'Báo cáo {period} sắp đến hạn nộp ({dueOn}): {units}.',
  kind_report_overdue: 'Báo cáo {period} đã quá hạn nộp ({dueOn}): {units}.',
  kind_report_submitted: '{unit} đã nộp báo cáo {period}.',
  kind_report_returned: 'Báo cáo {period} của {unit} bị trả lại{comment}.',
  kind_report_approved: 'Báo cáo {period} của {unit} đã được duyệt.',
  moreUnits: '{names} và {count} đơn vị khác',
} as const;
