// Cụ thể hóa: the sentences of a unit's derived draft still naming its superior's figures or bodies (common/derived-marks.ts).
export const derivedMarks = {
  panelTitle: 'Cần sửa cho phù hợp với đơn vị ({count} câu)',
  panelHelp:
    'Các câu dưới đây được chép từ chương trình của cấp trên và còn nêu số liệu hoặc cơ quan của cấp trên. Câu được tô vàng trong trình soạn thảo; khi bạn sửa câu, dấu đánh sẽ tự bỏ.',
  allFixed: 'Đã sửa hết các câu được đánh dấu.',
  goTo: 'Sửa câu này',
  fieldHint: 'Câu còn của cấp trên: {reasons}',
  'reason.parent_figure': 'số liệu của cấp trên “{text}”',
  'reason.parent_body': 'nêu cơ quan cấp trên “{text}”',
  'reason.parent_units': 'nói về các đơn vị trực thuộc “{text}”',
  'reason.not_carried': 'chỉ tiêu {text} không được chuyển cho đơn vị',
  'reason.value_not_found': 'chưa ghi giá trị của đơn vị cho chỉ tiêu {text} ({value})',
  uncarriedTitle: 'Chỉ tiêu chưa chuyển được cho đơn vị ({count})',
  uncarriedHelp:
    'Các chỉ tiêu tổng này chưa có phần phân bổ cho đơn vị nên chưa có trong chương trình của đơn vị. Sau khi cấp trên phân bổ, hãy thêm chỉ tiêu cho đơn vị.',
  'uncarried.not_allocated': 'chưa phân bổ cho đơn vị',
  allocatedSince: 'đã phân bổ {value} — thêm chỉ tiêu cho đơn vị',
  carry: 'Đưa các chỉ tiêu đã được phân bổ vào chương trình',
  carried: 'Đã đưa {count} chỉ tiêu vào chương trình của đơn vị.',
  nothingToCarry: 'Cấp trên chưa phân bổ thêm chỉ tiêu nào cho đơn vị.',
  allocate: 'Phân bổ',
  askSuperior: 'Đề nghị cấp trên phân bổ',
  issueTitle: 'Còn {count} câu chưa sửa',
  issueHelp: 'Các câu sau vẫn nêu số liệu hoặc cơ quan của cấp trên. Bạn vẫn muốn ban hành?',
  issueAnyway: 'Vẫn ban hành',
  fixFirst: 'Quay lại sửa',
  unresolvedField: 'Câu còn nêu số liệu hoặc cơ quan của cấp trên: «{sentence}»',
};
