// Vietnamese messages of the members' Excel import (template headers, cell errors).
// Column headers: the template writes them with "*" for required columns; the
// reader recognises them with or without "*", in Vietnamese or English, with or
// without diacritics (server/modules/members/import-columns.ts).
export const memberImport = {
  // Sheet names, headers
  sheetMembers: 'Đoàn viên',
  sheetGuide: 'Hướng dẫn',
  sheetLists: 'DanhMuc',
  colFullName: 'Họ và tên',
  colGender: 'Giới tính',
  colBirthDate: 'Ngày sinh',
  colCitizenId: 'Số CCCD',
  colPhone: 'Số điện thoại',
  colEmail: 'Email',
  colEthnicity: 'Dân tộc',
  colJob: 'Nghề nghiệp',
  colWorkplace: 'Nơi làm việc',
  colUnitCode: 'Mã đơn vị',
  colAdmittedOn: 'Ngày kết nạp',
  colCardNumber: 'Số thẻ đoàn viên',
  colUnionPosition: 'Chức vụ công đoàn',
  colPartyMember: 'Đảng viên',
  colErrors: 'Lỗi',
  dateHint: '(dd/mm/yyyy)',
  yesNoHint: '(Có/Không)',
  // Coded values
  yes: 'Có',
  no: 'Không',
  // Guide sheet
  guideTitle: 'Hướng dẫn nhập đoàn viên từ Excel',
  guide1:
    'Nhập mỗi đoàn viên trên một dòng của trang "Đoàn viên", từ dòng 2; không đổi tên, không xóa dòng tiêu đề. Cột có dấu * là bắt buộc.',
  guide2:
    'Ngày ghi theo dạng dd/mm/yyyy (ví dụ 15/03/1990). Ngày sinh phải trước ngày kết nạp; không ngày nào trước 01/01/1900 hoặc sau hôm nay.',
  guide3:
    'Các cột Số CCCD, Số điện thoại, Số thẻ đoàn viên đã định dạng Văn bản để giữ số 0 ở đầu; khi dán dữ liệu hãy dùng "Dán giá trị" (Paste Values). Số CCCD gồm đúng 12 chữ số.',
  guide4:
    'Mã đơn vị là mã của công đoàn cơ sở hoặc công đoàn bộ phận trong phạm vi quản lý của bạn (xem danh sách bên dưới và ô chọn trong cột).',
  guide5:
    'Không gộp ô, không dùng công thức trong vùng dữ liệu. Người đã có trong sổ đoàn viên (cùng số CCCD, hoặc cùng họ tên, ngày sinh và đơn vị) được bỏ qua, không bị nhập hai lần.',
  guide6:
    'Tối đa {maxRows} dòng và {maxMb} MB mỗi tệp. Sau khi tải lên, hệ thống kiểm tra mọi dòng; tải tệp các dòng lỗi (cột "Lỗi" cho biết cần sửa gì), sửa rồi tải lên lại.',
  guideExample: 'Dòng ví dụ (không nhập dòng này; trang "Đoàn viên" chỉ chứa dữ liệu thật):',
  guideUnits: 'Mã đơn vị được phép nhập',
  guideUnitCode: 'Mã đơn vị',
  guideUnitName: 'Tên đơn vị',
  guideNoUnits: 'Bạn chưa quản lý đơn vị nào nhận đoàn viên.',
  exampleFullName: 'Nguyễn Thị Lan',
  exampleEthnicity: 'Kinh',
  exampleJob: 'Giáo viên',
  exampleWorkplace: 'Trường THCS Vĩnh Thuận',
  templateFileName: 'Mẫu nhập đoàn viên.xlsx',
  rejectedFileName: 'Dòng lỗi - {fileName}',
  importNote: 'Nhập từ Excel: {fileName}',
  // Cell errors
  required: 'Bắt buộc nhập.',
  tooLong: 'Quá dài: tối đa {max} ký tự.',
  formula: 'Ô chứa công thức; hãy dán giá trị (Paste Values) thay vì công thức.',
  dateInvalid: 'Ngày "{value}" không hợp lệ; hãy ghi theo dạng dd/mm/yyyy.',
  dateTooEarly: 'Ngày không được trước 01/01/1900.',
  dateInFuture: 'Ngày không được sau hôm nay ({today}).',
  birthNotBeforeAdmission: 'Ngày sinh phải trước ngày kết nạp ({admittedOn}).',
  genderInvalid: 'Giới tính "{value}" không hợp lệ; ghi Nam hoặc Nữ.',
  citizenIdInvalid: 'Số CCCD "{value}" không hợp lệ: phải gồm đúng 12 chữ số.',
  citizenIdLostZero:
    'Số CCCD chỉ còn {digits} chữ số vì ô ở dạng số nên mất số 0 ở đầu. Hãy định dạng cột Số CCCD là Văn bản (Text) rồi nhập lại đủ 12 chữ số.',
  phoneInvalid: 'Số điện thoại "{value}" không hợp lệ (ví dụ 0912345678 hoặc +84912345678).',
  phoneLostZero: 'Số điện thoại mất số 0 ở đầu vì ô ở dạng số. Hãy định dạng cột Số điện thoại là Văn bản (Text) rồi nhập lại.',
  emailInvalid: 'Email "{value}" không hợp lệ.',
  positionInvalid: 'Chức vụ "{value}" không có trong danh sách; để trống nếu là đoàn viên.',
  partyMemberInvalid: 'Cột Đảng viên ghi Có hoặc Không (để trống là Không).',
  unitNotFound: 'Không tìm thấy mã đơn vị "{code}" trong phạm vi của bạn.',
  unitNotGrassroots: 'Đơn vị "{code}" không phải công đoàn cơ sở hoặc công đoàn bộ phận; đoàn viên chỉ sinh hoạt tại các đơn vị này.',
  unitNotValidOn: 'Đơn vị "{code}" không hoạt động vào ngày kết nạp {date}.',
  unitNotHeldOn:
    'Vào ngày kết nạp {date}, đơn vị "{code}" không thuộc đơn vị bạn quản lý nên bạn không được ghi vào sổ đoàn viên của đơn vị này.',
  duplicateCitizenIdInFile: 'Số CCCD trùng với dòng {row}.',
  duplicatePersonInFile: 'Trùng họ tên, ngày sinh và đơn vị với dòng {row}.',
  cardNumberInvalid: 'Số thẻ đoàn viên "{value}" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các ký tự . / -',
  duplicateCardInFile: 'Số thẻ đoàn viên trùng với dòng {row}.',
  citizenIdDuplicateForFederation: 'Dòng này trùng với dữ liệu đoàn viên đã có; đề nghị Liên đoàn Lao động cấp trên xem xét, xử lý.',
  citizenIdOtherPerson: 'Số CCCD đã có trong sổ đoàn viên với họ tên hoặc ngày sinh khác.',
  personOtherCitizenId: 'Đơn vị đã có đoàn viên cùng họ tên và ngày sinh nhưng khác số CCCD.',
  cardTaken: 'Số thẻ đoàn viên đã được cấp cho đoàn viên khác.',
  // File-level
  interrupted: 'Việc kiểm tra hoặc nhập tệp bị gián đoạn (máy chủ khởi động lại). Hãy tải tệp lên lại.',
  interruptedImport:
    'Việc nhập bị gián đoạn do máy chủ khởi động lại; chưa có đoàn viên nào được nhập. Bấm Nhập để nhập lại các dòng đã kiểm tra.',
  failed: 'Không nhập được tệp do lỗi hệ thống; chưa có dữ liệu nào được ghi. Hãy thử lại.',
} as const;
