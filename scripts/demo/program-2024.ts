// The seed program: "Chương trình công tác Công đoàn năm 2024" of LĐLĐ huyện
// Vĩnh Thuận (Số: 02/CTr-LĐLĐ, 19/01/2024), as data. Every section's text is
// kept as written in the seed (../../../shared/seed/000_7e8202032ea5b7f5.txt);
// only the two sentences cut by a page break are joined again, "(*…*)" marks
// the seed's italic words, and the archive line takes the form's "Lưu: VT".
import type { ProgramContent, ProgramKind } from '../../common/programs.js';
import type { Executor } from '../../server/db/client.js';
import { SYSTEM_ACTOR } from '../../server/lib/access.js';
import { createProgram } from '../../server/modules/programs/create-program.js';
import { issueProgram } from '../../server/modules/programs/issue-program.js';
import { CreateProgramBody } from '../../server/modules/programs/schemas.js';

export interface DemoProgram {
  /** Code of the issuing unit in org-tree.ts. */
  unitCode: string;
  year: number;
  kind: ProgramKind;
  number: number;
  symbol: string;
  place: string;
  issuedOn: string;
  title: string;
  superiorBodyName: string;
  issuingBodyName: string;
  signatureAuthority: string;
  signerTitle: string;
  signerName: string;
  content: ProgramContent;
}

export const DEMO_PROGRAM_2024: DemoProgram = {
  unitCode: 'VT',
  year: 2024,
  kind: 'program',
  number: 2,
  symbol: 'CTr-LĐLĐ',
  place: 'Vĩnh Thuận',
  issuedOn: '2024-01-19',
  title: 'Công tác Công đoàn năm 2024',
  superiorBodyName: 'LĐLĐ TỈNH KIÊN GIANG',
  issuingBodyName: 'LĐLĐ HUYỆN VĨNH THUẬN',
  signatureAuthority: 'TM. BAN CHẤP HÀNH',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Lê Kim Thoa',
  content: {
    context: [
      'Năm 2024, dự báo tình hình kinh tế - xã hội huyện ta bên cạnh những thuận lợi, sẽ còn gặp nhiều khó khăn, thách thức đan xen; vấn đề việc làm của người lao động, đời sống của đoàn viên, CNVCLĐ sẽ còn gặp nhiều khó khăn; là năm thứ hai tiếp tục thực hiện Nghị quyết Đại hội Công đoàn huyện lần thứ XI, nhiệm kỳ 2023-2028 và Nghị quyết Đại hội XI Công đoàn tỉnh; kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam; năm thứ tư thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XII, Nghị quyết 02-NQ/TW ngày 12-6-2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”;',
    ],
    legalBasis: [
      'Căn cứ Điều lệ Công đoàn Việt Nam; Chương trình Công tác Công đoàn năm 2024 của Ban Chấp hành Liên đoàn Lao động tỉnh. Ban Chấp hành LĐLĐ huyện ban hành Chương trình công tác công đoàn năm 2024 như sau:',
    ],
    headings: {
      theme: 'CHỦ ĐỀ HOẠT ĐỘNG NĂM 2024',
      targets: 'CÁC CHỈ TIÊU CHỦ YẾU',
      taskGroups: 'NHIỆM VỤ GIẢI PHÁP CHỦ YẾU',
      organisation: 'TỔ CHỨC THỰC HIỆN',
    },
    theme:
      '“Tập trung đưa nghị quyết đại hội công đoàn các cấp vào cuộc sống; thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam”',
    targets: [
      {
        code: '1',
        text: 'Có 96% trở lên đoàn viên, CNVCLĐ và người lao động được tuyên truyền, phổ biến, học tập, quán triệt chủ trương, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước liên quan đến lao động và công đoàn.',
        stretch: false,
        whenConditionsAllow: false,
      },
      {
        code: '2',
        text: 'Có 100% công đoàn cơ sở trực thuộc tham gia với chính quyền đồng cấp ban hành, thực hiện quy chế dân chủ ở cơ sở.',
        stretch: false,
        whenConditionsAllow: false,
      },
      {
        code: '3',
        text: 'Bình quân mỗi công đoàn cơ sở giới thiệu ít nhất 01 đoàn viên ưu tú cho Đảng xem xét, bồi dưỡng kết nạp (đối với các đơn vị còn nguồn).',
        stretch: false,
        whenConditionsAllow: false,
      },
      {
        code: '4',
        text: '100% Chủ tịch công đoàn cơ sở được tập huấn, bồi dưỡng với hình thức phù hợp.',
        stretch: false,
        whenConditionsAllow: false,
      },
      {
        code: '5',
        text: 'Phấn đấu 95% trở lên công đoàn cơ sở xếp loại hoàn thành tốt nhiệm vụ.',
        stretch: true,
        whenConditionsAllow: false,
      },
      {
        code: '6',
        text: '100% công đoàn cấp cơ sở có Ủy ban kiểm tra tổ chức thực hiện việc kiểm tra cùng cấp 02 cuộc/năm.',
        stretch: false,
        whenConditionsAllow: false,
      },
      {
        code: '7',
        text: 'Phát triển tăng thêm 10 đoàn viên công đoàn; thành lập mới 01 CĐCS ở doanh nghiệp ngoài nhà nước (khi có đủ điều kiện).',
        stretch: false,
        whenConditionsAllow: true,
      },
      {
        code: '8',
        text: 'Phấn đấu 75% trở lên số vụ việc về lao động khởi kiện tại tòa án được công đoàn hỗ trợ, tham gia tố tụng bảo vệ khi đoàn viên có yêu cầu.',
        stretch: true,
        whenConditionsAllow: false,
      },
      {
        code: '9',
        text: 'Có 15 công đoàn cơ sở tổ chức các hoạt động Tháng Công nhân năm 2024.',
        stretch: false,
        whenConditionsAllow: false,
      },
      {
        code: '10',
        text: 'Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.',
        stretch: false,
        whenConditionsAllow: false,
      },
    ],
    taskGroups: [
      {
        number: 1,
        title: 'Đại diện, bảo vệ quyền lợi hợp pháp, chính đáng của đoàn viên, người lao động',
        paragraphs: [],
        actions: [
          {
            text: 'Triển khai thực hiện chính sách, pháp luật liên quan đến quyền lợi của người lao động, như: Luật Bảo hiểm xã hội (sửa đổi), Luật Đất đai (sửa đổi), Luật Việc làm (sửa đổi). Tập trung nâng cao lợi ích cho đoàn viên, CNVCLĐ và người lao động, trọng tâm là tiền lương, tiền thưởng, thời giờ làm việc, thời giờ nghỉ ngơi, an toàn vệ sinh lao động.',
          },
          {
            text: 'Phối hợp thực hiện và giám sát thực hiện dân chủ ở cơ sở. Tăng cường công tác nắm bắt thông tin, lắng nghe phản ánh từ cơ sở, nắm chắc tâm tư, nguyện vọng của đoàn viên, người lao động. Chủ trì, phối hợp với các cơ quan chức năng thành lập Đoàn kiểm tra xử lý việc nợ đọng kinh phí công đoàn, nợ bảo hiểm xã hội đối với đoàn viên, người lao động của các cơ quan, đơn vị (nếu có).',
          },
          {
            text: 'Nâng cao chất lượng công tác tư vấn pháp luật, hỗ trợ pháp lý kịp thời cho đoàn viên, CNVCLĐ khi có yêu cầu.',
          },
        ],
      },
      {
        number: 2,
        title: 'Chăm lo lợi ích đoàn viên, người lao động',
        paragraphs: [],
        actions: [
          {
            text: 'Tổ chức tốt các hoạt động chăm lo cho đoàn viên và người lao động trong dịp Tết Nguyên đán 2024 với phương châm: “Tất cả đoàn viên, người lao động đều có Tết”; tổ chức Chương trình “Tết Sum vầy” cấp huyện.',
          },
          {
            text: 'Phối hợp đánh giá kết quả ký kết thoả thuận hợp tác đã ký kết với các công ty, doanh nghiệp thực hiện chương trình phúc lợi cho đoàn viên công đoàn để có hướng điều chỉnh, thay đổi phù hợp.',
          },
          {
            text: 'Tiếp tục vận động “Quỹ xã hội công đoàn” để hỗ trợ xây dựng, sửa chữa nhà ở cho đoàn viên, người lao động khó khăn về nhà ở ổn định cuộc sống, yên tâm công tác.',
          },
          {
            text: 'Xây dựng và triển khai Chương trình hành động thực hiện Nghị quyết Đại hội XI Công đoàn huyện “Huy động mọi nguồn lực xã hội đẩy mạnh hoạt động chăm lo cho đoàn viên, CNVCLĐ”.',
          },
        ],
      },
      {
        number: 3,
        title: 'Công tác tuyên truyền, vận động',
        paragraphs: [],
        actions: [
          {
            text: 'Tiếp tục đổi mới, nâng cao hiệu quả tuyên truyền để đoàn viên, người lao động hiểu, nắm rõ các chủ trương của Đảng, chính sách, pháp luật của Nhà nước. Thường xuyên nắm bắt tình hình tâm tư, nguyện vọng chính đáng của đoàn viên, người lao động.',
          },
          {
            text: 'Triển khai Nghị quyết Đại hội XIII Công đoàn Việt Nam và Nghị quyết Đại hội XI Công đoàn tỉnh trong cán bộ, đoàn viên, CNVCLĐ bằng các hình thức phù hợp. Tổ chức các hoạt động chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929- 28/7/2024) trong đoàn viên, CNVCLĐ.',
          },
          {
            text: 'Tổ chức các hoạt động Tháng Công nhân năm 2024, gắn với Tháng hành động về An toàn, vệ sinh lao động năm 2024.',
          },
          {
            text: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong cán bộ, đoàn viên, CNVCLĐ theo tinh thần Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị; tiếp tục cụ thể hóa tiêu chí sát hợp với từng nhóm đối tượng, gắn với các phong trào thi đua trong các cấp công đoàn, đề cao vai trò, trách nhiệm nêu gương của cán bộ, đảng viên, đoàn viên công đoàn, nhất là người đứng đầu.',
          },
          {
            text: 'Xây dựng và triển khai Chương trình hành động thực hiện Nghị quyết Đại hội XI Công đoàn huyện về “Đổi mới phương thức hoạt động của các cấp công đoàn trong huyện, trọng tâm là thực hiện chuyển đổi số trong hoạt động công đoàn”.',
          },
        ],
      },
      {
        number: 4,
        title: 'Thi đua chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam',
        paragraphs: [],
        actions: [
          {
            text: 'Đổi mới phương pháp tổ chức các phong trào thi đua yêu nước trong CNVCLĐ; nâng cao chất lượng các phong trào “Lao động giỏi, Lao động sáng tạo”, gắn với việc thúc đẩy nâng cao năng suất lao động. Cụ thể hóa nội dung, triển khai phong trào “Tham mưu giỏi, Phục vụ tốt” trong cán bộ, công chức, viên chức. Nâng cao chất lượng, hiệu quả cuộc vận động “Cán bộ, công chức, viên chức nói không với tiêu cực”.',
          },
          {
            text: 'Phát động các phong trào thi đua, phát huy sáng kiến, cải tiến kỹ thuật, nâng cao năng suất lao động, hiệu quả công tác chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (1929-2024). Triển khai thực hiện có hiệu quả phong trào thi đua trong năm, nhất là phong trào thi đua đặc biệt; công đoàn từng cấp lựa chọn các công trình, sản phẩm, phần việc có giá trị kinh tế - xã hội, có ý nghĩa chính trị, mang lại lợi ích thiết thực cho đời sống của đoàn viên, người lao động hoặc đóng góp cho cộng đồng, xã hội để đăng ký thực hiện và gắn biển chào mừng.',
          },
          {
            text: 'Sửa đổi Quy chế khen thưởng của LĐLĐ huyện phù hợp với Luật Thi đua, khen thưởng có hiệu lực từ 01/01/2024 và theo quy định của Công đoàn cấp trên.',
          },
        ],
      },
      {
        number: 5,
        title: 'Phát triển tăng thêm đoàn viên, thành lập công đoàn cơ sở; tham gia xây dựng Đảng, chính quyền trong sạch vững mạnh',
        paragraphs: [],
        actions: [
          {
            text: 'Đẩy mạnh tuyên truyền, vận động, thuyết phục để người lao động nâng cao nhận thức, tự nguyện tham gia và thành lập tổ chức công đoàn ở cơ sở. Chú trọng đổi mới phương thức kết nạp đoàn viên gắn với nâng cao chất lượng đoàn viên; tăng cường phát triển tăng thêm đoàn viên, thành lập công đoàn cơ sở đạt chỉ tiêu đề ra.',
          },
          {
            text: 'Tăng cường đào tạo, bồi dưỡng đội ngũ cán bộ công đoàn, nhất là cán bộ công đoàn cơ sở. Triển khai Kế hoạch đào tạo, bồi dưỡng nghiệp vụ cho đội ngũ cán bộ công đoàn chuyên trách nhiệm kỳ 2023 - 2028.',
          },
          {
            text: 'Tăng cường tham gia xây dựng Đảng, chính quyền trong sạch vững mạnh; tiếp tục thực hiện công tác giám sát, phản biện xã hội, góp ý xây dựng Đảng, xây dựng chính quyền theo Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị (khóa XI).',
          },
        ],
      },
      {
        number: 6,
        title: 'Công tác nữ công',
        paragraphs: [],
        actions: [
          {
            text: 'Tiếp tục quán triệt và triển khai thực hiện Kết luận số 1500b/KL-TLĐ ngày 08/01/2021 của Tổng Liên đoàn về việc tiếp tục thực hiện Nghị quyết 6b/NQ-BCH về công tác vận động nữ công nhân viên chức lao động và Chỉ thị số 03/CT-TLĐ của Tổng Liên đoàn về tiếp tục đẩy mạnh phong trào thi đua “Giỏi việc nước, đảm việc nhà” trong nữ CNVCLĐ trong tình hình mới, góp phần tích cực xây dựng người phụ nữ Việt Nam thời đại mới.',
          },
          {
            text: 'Tăng cường bảo vệ quyền và lợi ích hợp pháp chính đáng của lao động nữ; tổ chức các hoạt động chăm lo cho con CNVCLĐ; tích cực tham gia thực hiện Chiến lược phát triển gia đình Việt Nam đến năm 2030 theo Quyết định số 2238/QĐ-TTg ngày 30/12/2021 của Thủ tướng Chính phủ trong đoàn viên, người lao động; tăng cường phối hợp với ban vì sự tiến bộ phụ nữ và Hội Liên hiệp Phụ nữ cùng cấp trong công tác vận động nữ CNVCLĐ, triển khai thực hiện hiệu quả Chương trình phối hợp tổ chức các hoạt động nữ CNVCLĐ giai đoạn 2022 - 2027.',
          },
        ],
      },
      {
        number: 7,
        title: 'Công tác tài chính công đoàn',
        paragraphs: [
          {
            text: 'Tiếp tục đôn đốc để thu đúng, thu đủ và kịp thời, chống thất thu kinh phí và đoàn phí công đoàn. Thực hiện chi tài chính công đoàn tiết kiệm, hiệu quả; tăng chi trực tiếp cho đoàn viên, người lao động; tập trung chi các hoạt động quan trọng, nhiệm vụ cấp bách của các cấp công đoàn. Tăng cường thực hiện việc thu kinh phí công đoàn 2% khu vực sản xuất kinh doanh qua tài khoản Công đoàn Việt Nam mở tại các ngân hàng thương mại cổ phần nhà nước.',
            bullets: [],
          },
        ],
        actions: [],
      },
      {
        number: 8,
        title: 'Công tác kiểm tra, giám sát',
        paragraphs: [],
        actions: [
          {
            text: 'Nâng cao chất lượng hiệu quả hoạt động Ủy ban Kiểm tra công đoàn, phát huy vai trò của công tác kiểm tra, giám sát trong xây dựng tổ chức công đoàn, chủ động phát hiện những khuyết điểm để hoàn thiện. Triển khai kế hoạch kiểm tra, giám sát công đoàn nhiệm kỳ 2023 - 2028 và kế hoạch kiểm tra, giám sát công đoàn năm 2024, chủ động triển khai các nhiệm vụ của Ủy ban Kiểm tra được quy định tại Điều lệ Công đoàn Việt Nam.',
          },
          {
            text: 'Triển khai quyết liệt, thường xuyên, toàn diện công tác kiểm tra, chú trọng kiểm tra, giám sát về tài chính công đoàn, kịp thời phát hiện, chấn chỉnh những tồn tại trong công tác quản lý tài chính, tài sản.',
          },
          {
            text: 'Chỉ đạo, hướng dẫn Ủy ban Kiểm tra công đoàn CĐCS chủ động nắm tình hình, phát hiện và kiểm tra kịp thời khi có dấu hiệu vi phạm Điều lệ, Nghị quyết, chỉ thị và các quy định của công đoàn.',
          },
          {
            text: 'Thường xuyên kiện toàn đội ngũ cán bộ Ủy ban Kiểm tra công đoàn hai cấp có bản lĩnh, kiến thức, kinh nghiệm và tinh thông nghiệp vụ kiểm tra.',
          },
        ],
      },
      {
        number: 9,
        title: 'Công tác lãnh đạo, chỉ đạo và tổ chức thực hiện nhiệm vụ',
        paragraphs: [],
        actions: [
          {
            text: 'Lãnh đạo, chỉ đạo đổi mới phương thức hoạt động công đoàn theo hướng lấy đoàn viên, người lao động làm trung tâm, đảm bảo kịp thời, thiết thực; cấp trên phục vụ cấp dưới, công đoàn cơ sở gắn bó và phục vụ đoàn viên, người lao động; phát huy dân chủ đi đôi với tăng cường kỷ luật, kỷ cương, hoạt động chủ yếu ở cơ sở.',
          },
          {
            text: 'Tập trung chỉ đạo triển khai thực hiện các chỉ tiêu, chương trình, nhiệm vụ đã đề ra theo Nghị quyết đại hội công đoàn các cấp, Nghị quyết Đại hội XIII Công đoàn Việt Nam, Kế hoạch thực hiện Nghị quyết 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”.',
          },
          {
            text: 'Đổi mới, nâng cao chất lượng xây dựng, ban hành và triển khai các nghị quyết, chương trình, kế hoạch, đề án của các cấp công đoàn theo hướng thiết thực ngắn gọn, khả thi, sát thực tiễn, dễ thực hiện.',
          },
          {
            text: 'Đẩy mạnh cải cách thủ tục hành chính, ứng dụng công nghệ thông tin phục vụ hoạt động công đoàn; thực hiện tốt Chương trình chuyển đổi số toàn diện trong hoạt động công đoàn do Công đoàn cấp trên triển khai, góp phần tạo đột phá trong phương thức chỉ đạo, điều hành hoạt động công đoàn hai cấp trong huyện.',
          },
        ],
      },
    ],
    organisation: [
      {
        actor: 'Liên đoàn Lao động huyện',
        duties: [
          'Ban Chấp hành LĐLĐ huyện xây dựng chương trình công tác công đoàn năm 2024 và tổ chức triển khai đến các CĐCS trực thuộc.',
          'Giao Ủy ban Kiểm tra tham mưu Ban Thường vụ xây dựng kế hoạch kiểm tra, giám sát công tác công đoàn năm 2024.',
          'Giao bộ phận Văn phòng tham mưu theo dõi, hướng dẫn, đôn đốc các công đoàn cơ sở triển khai thực hiện; kịp thời báo cáo Ban Chấp hành, Ban Thường vụ về những vướng mắc, phát sinh trong quá trình triển khai thực hiện, tham mưu đề xuất phương án giải quyết.',
        ],
      },
      {
        actor: 'Các CĐCS trực thuộc',
        duties: [
          'Căn cứ chương trình công tác này và tình hình thực tiễn của cơ quan, đơn vị cụ thể hóa, xây dựng chương trình công tác của cấp mình có trọng tâm, trọng điểm, linh hoạt, kịp thời, bám sát chủ đề công tác năm, phù hợp. Xây dựng các kế hoạch công tác chuyên đề cụ thể để thực hiện đạt yêu cầu các chỉ tiêu, nhiệm vụ đề ra.',
          'Định kỳ hàng tháng, 6 tháng và cuối năm báo cáo kết quả thực hiện về Ban Thường vụ LĐLĐ huyện (*thông qua bộ phận Văn phòng*).',
        ],
      },
    ],
    closing:
      'Trên đây là Chương trình công tác Công đoàn năm 2024 của Ban Chấp hành LĐLĐ huyện, trong quá trình thực hiện có khó khăn vướng mắc, kịp thời phản ánh về LĐLĐ huyện để được hướng dẫn./.',
    recipients: [
      {
        name: 'Văn phòng LĐLĐ tỉnh',
        forReport: true,
      },
      {
        name: 'Ban Dân vận Huyện ủy',
        forReport: true,
      },
      {
        name: 'UBMTTQ huyện',
        forReport: true,
      },
      {
        name: 'Ủy viên BCH, UBKT LĐLĐ huyện',
        forReport: false,
      },
      {
        name: 'Các CĐCS trực thuộc',
        forReport: false,
      },
    ],
    archive: 'VT',
  },
};

/**
 * Creates and issues the seed program through the use-cases (create-program,
 * issue-program), for the unit ids of the demo tree: call inside the demo-data
 * transaction, after the units. The content is checked by the same schema as
 * the API's.
 */
export async function loadDemoProgram(
  tx: Executor,
  unitId: (code: string) => string,
  demo: DemoProgram = DEMO_PROGRAM_2024,
): Promise<string> {
  const { unitCode, ...header } = demo;
  const draft = await createProgram(tx, SYSTEM_ACTOR, CreateProgramBody.parse({ ...header, unitId: unitId(unitCode) }));
  await issueProgram(tx, SYSTEM_ACTOR, draft.program.id);
  return draft.program.id;
}
