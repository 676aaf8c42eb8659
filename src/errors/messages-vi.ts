/**
 * Vietnamese for the API's English error messages. Fixed messages are matched whole; messages and
 * input-error reasons that carry values are matched by a pattern whose named groups fill the
 * `{name}` placeholders of the Vietnamese template. A message no rule matches keeps its English
 * detail after the code's Vietnamese text (catalogue.ts), so the answer is never English alone.
 */

/** Whole messages, as the code writes them. */
export const MESSAGES_VI: Readonly<Record<string, string>> = {
  // Access
  'Authentication required': 'Cần đăng nhập',
  'Not allowed': 'Không được phép',
  'Invalid or expired credentials': 'Thông tin xác thực không hợp lệ hoặc đã hết hạn',
  'Invalid username or password': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'Invalid or expired refresh token': 'Mã làm mới (refresh token) không hợp lệ hoặc đã hết hạn',
  // Concurrency and faults
  'The record was changed by someone else; reload and retry': 'Bản ghi đã được người khác thay đổi; hãy tải lại rồi thử lại',
  'The write collided with a concurrent one and was rolled back; send it again': 'Thao tác ghi trùng với một thao tác đồng thời khác và đã được hoàn tác; hãy gửi lại',
  'The request ran past its time limit and its uncommitted work was rolled back; send it again later':
    'Yêu cầu vượt quá thời gian cho phép, phần việc chưa lưu đã được hoàn tác; vui lòng gửi lại sau',
  'The service is temporarily unavailable and uncommitted work was rolled back; send the request again later':
    'Dịch vụ tạm thời không khả dụng, phần việc chưa lưu đã được hoàn tác; vui lòng gửi lại yêu cầu sau',
  'Internal server error': 'Lỗi máy chủ nội bộ',
  // The HTTP request (request-errors.ts, Apollo)
  'The request body is not valid JSON': 'Nội dung yêu cầu không phải JSON hợp lệ',
  'The request body is too large': 'Nội dung yêu cầu quá lớn',
  'The request body must be UTF-8': 'Nội dung yêu cầu phải được mã hóa UTF-8',
  'The request body has an unsupported content encoding': 'Nội dung yêu cầu dùng kiểu nén không được hỗ trợ',
  'The request was aborted': 'Yêu cầu đã bị hủy giữa chừng',
  'Bad request': 'Yêu cầu không hợp lệ',
  'Subscriptions are not offered by this API over HTTP; send a query or a mutation': 'API không cung cấp subscription qua HTTP; hãy gửi query hoặc mutation',
  'GraphQL introspection is not allowed; only __typename and __type(name:) { name } are answered':
    'Không cho phép truy vấn introspection; chỉ trả lời __typename và __type(name:) { name }',
  PersistedQueryNotFound: 'Không tìm thấy truy vấn lưu sẵn; hãy gửi lại kèm toàn văn truy vấn',
  PersistedQueryNotSupported: 'Máy chủ không hỗ trợ truy vấn lưu sẵn',
  'POST body missing, invalid Content-Type, or JSON object has no keys.': 'Thiếu nội dung POST, Content-Type không hợp lệ hoặc đối tượng JSON rỗng.',
  'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.': 'Thao tác GraphQL phải có `query` không rỗng hoặc phần mở rộng `persistedQuery`.',
  'Apollo Server supports only GET/POST requests.': 'Chỉ hỗ trợ yêu cầu GET và POST.',
  'Must provide operation name if query contains multiple operations.': 'Phải nêu tên thao tác (operationName) khi tài liệu có nhiều thao tác.',
};

/** Messages that carry values; the first match wins. */
export const MESSAGE_PATTERNS_VI: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?<what>.+) not found$/, 'Không tìm thấy {what}'],
  [/^The record was changed by someone else \(version (?<actual>\d+), you sent (?<expected>\d+)\); reload and retry$/, 'Bản ghi đã được người khác thay đổi (phiên bản {actual}, bạn gửi {expected}); hãy tải lại rồi thử lại'],
  // Query limits (limit-messages.ts, field-limit.ts)
  [/^Token limit of (?<limit>\d+) exceeded: the document has more than \d+ tokens$/, 'Vượt giới hạn số token ({limit}): tài liệu có hơn {limit} token'],
  [/^Query depth limit of (?<limit>\d+) exceeded, found (?<found>\d+)\.?$/, 'Vượt giới hạn độ sâu truy vấn ({limit}): tìm thấy {found} cấp'],
  [/^Aliases limit of (?<limit>\d+) exceeded, found (?<found>\d+)\.?$/, 'Vượt giới hạn số bí danh (alias) ({limit}): tìm thấy {found}'],
  [/^Directives limit of (?<limit>\d+) exceeded, found (?<found>\d+)\.?$/, 'Vượt giới hạn số chỉ thị (directive) ({limit}): tìm thấy {found}'],
  [/^Query Cost limit of (?<limit>\d+) exceeded, found (?<found>\d+)\.?$/, 'Vượt giới hạn chi phí truy vấn ({limit}): ước tính {found}'],
  [/^The operation selects (?<found>\d+) fields; at most (?<limit>\d+) are allowed$/, 'Thao tác chọn {found} trường; chỉ cho phép tối đa {limit}'],
  [/^The operation repeats same-named fields too often \(merge work (?<found>\w+)\); at most (?<limit>\d+) is allowed$/, 'Thao tác lặp lại các trường cùng tên quá nhiều lần (khối lượng gộp {found}); chỉ cho phép tối đa {limit}'],
  // Idempotency-Key (idempotency-plugin.ts)
  [/^Idempotency-Key is kept per account: sign in$/, 'Idempotency-Key được lưu theo tài khoản: hãy đăng nhập'],
  [/^Idempotency-Key was already used with a different request$/, 'Idempotency-Key đã được dùng cho một yêu cầu khác'],
  [/^Idempotency-Key belongs to a request that is still in progress$/, 'Idempotency-Key thuộc về một yêu cầu vẫn đang xử lý'],
  // graphql-js validation, the common ones
  [/^Cannot query field "(?<field>[^"]+)" on type "(?<type>[^"]+)"\.(?<hint>.*)$/, 'Không có trường "{field}" trên kiểu "{type}".{hint}'],
  [/^Unknown argument "(?<arg>[^"]+)" on field "(?<field>[^"]+)"\.(?<hint>.*)$/, 'Không có tham số "{arg}" trên trường "{field}".{hint}'],
  [/^Field "(?<field>[^"]+)" argument "(?<arg>[^"]+)" of type "(?<type>[^"]+)" is required, but it was not provided\.$/, 'Trường "{field}" cần tham số "{arg}" kiểu "{type}" nhưng không được cung cấp.'],
  [/^Variable "(?<name>\$[^"]+)" of required type "(?<type>[^"]+)" was not provided\.$/, 'Biến "{name}" kiểu bắt buộc "{type}" không được cung cấp.'],
  [/^Variable "(?<name>\$[^"]+)" got invalid value (?<rest>.*)$/, 'Biến "{name}" có giá trị không hợp lệ {rest}'],
  [/^This operation has been blocked as a potential Cross-Site Request Forgery/, 'Thao tác bị chặn vì có thể là giả mạo yêu cầu liên trang (CSRF): hãy gửi header Content-Type: application/json hoặc header Apollo-Require-Preflight'],
  [/^GET requests only support query operations, not (?<kind>\w+) operations$/, 'Yêu cầu GET chỉ dùng cho query, không dùng cho {kind}'],
  [/^Unknown operation named "(?<name>[^"]+)"\.$/, 'Không có thao tác tên "{name}".'],
  [/^Syntax Error: (?<detail>.*)$/, 'Lỗi cú pháp: {detail}'],
];

/** Input-error reasons (`extensions.reason`) written whole. */
export const REASONS_VI: Readonly<Record<string, string>> = {
  'must not be empty': 'không được để trống',
  'must be a date as YYYY-MM-DD': 'phải là ngày theo dạng YYYY-MM-DD',
  'must not be before 1900': 'không được trước năm 1900',
  'must be a year from 2000 to 2100': 'phải là năm từ 2000 đến 2100',
  'must not be in the future': 'không được ở tương lai',
  'must not contain a NUL character': 'không được chứa ký tự NUL',
  'must be valid Unicode (it holds a lone surrogate)': 'phải là Unicode hợp lệ (có ký tự surrogate đơn lẻ)',
  'must not contain control characters': 'không được chứa ký tự điều khiển',
  'must not contain bidirectional control characters': 'không được chứa ký tự điều khiển hướng văn bản',
  'must be 1 to 4': 'phải từ 1 đến 4',
  'must be 1 to 12': 'phải từ 1 đến 12',
  'must be 1, 2, 3 or 4': 'phải là 1, 2, 3 hoặc 4',
  'the cell is dissolved': 'chi bộ đã giải thể',
  'the unit is dissolved': 'tổ chức đã giải thể',
  'the parent unit is dissolved': 'tổ chức cấp trên đã giải thể',
  'the new parent is dissolved': 'tổ chức cấp trên mới đã giải thể',
  'the meeting was cancelled': 'buổi sinh hoạt đã bị hủy',
  'the meeting has not been held yet': 'buổi sinh hoạt chưa diễn ra',
  'must be the id of a province': 'phải là id của một tỉnh',
  'must be a cell (chi bộ)': 'phải là một chi bộ',
  'is already used by another member': 'đã được đảng viên khác sử dụng',
  'is placed in two parts': 'được xếp vào hai phần',
  'is not a target of the inspection': 'không phải đối tượng của cuộc kiểm tra',
  'give a quarter or a month, not both': 'hãy nêu quý hoặc tháng, không nêu cả hai',
  'a thematic meeting needs at least one topic': 'buổi sinh hoạt chuyên đề cần ít nhất một chủ đề',
  'names a topic that does not exist in this province': 'nêu một chủ đề không có ở tỉnh này',
  'the period ends before it starts': 'kỳ kết thúc trước khi bắt đầu',
  'the member already has an account': 'đảng viên đã có tài khoản',
  'the member belongs to another cell: record a transfer instead': 'đảng viên thuộc chi bộ khác: hãy ghi nhận chuyển sinh hoạt',
  'there are no minutes to finalise': 'không có biên bản để hoàn tất',
  'the minutes need the chair who signs them': 'biên bản cần người chủ trì ký',
  'the minutes need the minutes-taker who signs them': 'biên bản cần thư ký ký',
  'must be 1 to 255 printable ASCII characters': 'phải gồm 1 đến 255 ký tự ASCII in được',
  'is not accepted on sign-in, token or API-key operations': 'không được chấp nhận cho thao tác đăng nhập, mã thông báo hoặc khóa API',
  'must be 4 to 20 digits or capital letters': 'phải gồm 4 đến 20 chữ số hoặc chữ in hoa',
  'must be 12 digits': 'phải gồm 12 chữ số',
  'must be a phone number of 9 to 15 digits': 'phải là số điện thoại từ 9 đến 15 chữ số',
  'must be 3 to 50 letters, digits, dots, dashes or underscores': 'phải gồm 3 đến 50 chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
  'must be a whole number': 'phải là số nguyên',
  'must be a whole number, 0 or more': 'phải là số nguyên từ 0 trở lên',
  'must be a non-negative integer': 'phải là số nguyên không âm',
  'must be a number, 0 or more': 'phải là số từ 0 trở lên',
  'must be an https:// link': 'phải là đường dẫn https://',
  'must be 0 or a version you read': 'phải là 0 hoặc một phiên bản bạn đã đọc',
  'must be given once': 'chỉ được nêu một lần',
  'must not repeat a unit': 'không được lặp lại một tổ chức',
  'must not repeat a member': 'không được lặp lại một đảng viên',
  'must be a committee (đảng ủy), not a cell': 'phải là đảng ủy, không phải chi bộ',
  'must be a cell below the committee': 'phải là chi bộ trực thuộc đảng ủy',
  'must be a meeting of the same cell': 'phải là buổi sinh hoạt của cùng chi bộ',
  'must not be before the admission date': 'không được trước ngày kết nạp',
  'must name at least one subject': 'phải nêu ít nhất một đối tượng',
  'must name at least one grade': 'phải nêu ít nhất một xếp loại',
};

/** Reasons that carry values; the first match wins. */
export const REASON_PATTERNS_VI: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?<count>\d+) problem\(s\); nothing was imported$/, '{count} lỗi; không dòng nào được nhập'],
  [/^must be at most (?<max>\d+) characters$/, 'tối đa {max} ký tự'],
  [/^must be at least (?<min>\d+) characters$/, 'tối thiểu {min} ký tự'],
  [/^must be at most (?<max>\d+)$/, 'tối đa là {max}'],
  [/^must hold at most (?<max>\d+) ids$/, 'chứa tối đa {max} id'],
  [/^must be one of (?<values>.+)$/, 'phải là một trong các giá trị {values}'],
  [/^must be the id of a (?<type>\w+)$/, 'phải là id của một {type}'],
  [/^must not be before the admission on (?<date>[\d-]+)$/, 'không được trước ngày kết nạp {date}'],
  [/^must not be before the transfer was sent on (?<date>[\d-]+)$/, 'không được trước ngày gửi chuyển sinh hoạt {date}'],
  [/^must not be before the start on (?<date>[\d-]+)$/, 'không được trước ngày bắt đầu {date}'],
  [/^must not be before the member joined the current cell on (?<date>[\d-]+)$/, 'không được trước ngày đảng viên vào chi bộ hiện tại {date}'],
  [/^must be after the current end of probation, (?<date>[\d-]+)$/, 'phải sau ngày hết thời gian dự bị hiện tại {date}'],
  [/^must be after (?<date>[\d-]+), the end of the previous term$/, 'phải sau {date}, ngày kết thúc nhiệm kỳ trước'],
  // Another input field, named as the client sent it.
  [/^must not be before (?<other>(?:input|filter)\.\w+|startsOn)$/, 'không được trước {other}'],
  [/^must be after (?<other>(?:input|filter)\.\w+)$/, 'phải sau {other}'],
  [/^is required for a (?<kind>\w+)$/, 'là bắt buộc đối với {kind}'],
  [/^members belong to a cell, not a (?<kind>\w+)$/, 'đảng viên thuộc về chi bộ, không thuộc {kind}'],
  [/^a (?<child>\w+) cannot be placed under a (?<parent>\w+)$/, '{child} không thể đặt dưới {parent}'],
  [/^name at least (?<minimum>\d+) unit\(s\) to merge$/, 'cần nêu ít nhất {minimum} tổ chức để hợp nhất'],
  [/^a period spans at most (?<years>\d+) years$/, 'một kỳ kéo dài tối đa {years} năm'],
  [/^must be a whole number of minutes from 1 to (?<max>\d+)$/, 'phải là số phút nguyên từ 1 đến {max}'],
];

/** The frame of an input error (`badInput`): the field stays as the client sent it. */
export const INPUT_ERROR_VI = 'Dữ liệu không hợp lệ ở {field}: {reason}';
/** A message no rule matches: the code's Vietnamese text, then the English detail. */
export const FALLBACK_VI = '{summary} ({detail})';

/** Names in `notFound(what)`. */
export const THINGS_VI: Readonly<Record<string, string>> = {
  'Org unit': 'tổ chức đảng',
  'Org unit on that date': 'tổ chức đảng vào ngày đó',
  Member: 'đảng viên',
  Account: 'tài khoản',
  'API key': 'khóa API',
  'Supervisory assignment': 'phân công dự, theo dõi sinh hoạt',
  'Thematic plan': 'kế hoạch sinh hoạt chuyên đề',
  Task: 'nhiệm vụ',
  'Role assignment': 'phân quyền',
  'Remediation action': 'biện pháp khắc phục',
  Position: 'chức vụ',
  Node: 'đối tượng',
  'Member transfer': 'chuyển sinh hoạt đảng',
  Meeting: 'buổi sinh hoạt',
  'Meeting evaluation': 'đánh giá buổi sinh hoạt',
  Inspection: 'cuộc kiểm tra',
  Holiday: 'ngày nghỉ',
};
