/** Vietnamese name pools per ethnicity, for the demo members (Kinh and the peoples of Lai Châu). */
import type { Ethnicity } from './demo-seed';

export interface NamePool {
  surnames: readonly string[];
  male: { middle: readonly string[]; given: readonly string[] };
  female: { middle: readonly string[]; given: readonly string[] };
}

export const NAMES: Record<Ethnicity, NamePool> = {
  Kinh: {
    surnames: ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đinh'],
    male: {
      middle: ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Xuân', 'Hữu', 'Thanh', 'Mạnh'],
      given: ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Long', 'Hải', 'Sơn', 'Thắng', 'Cường', 'Bình', 'Quân', 'Hưng', 'Trung', 'Phong', 'Tiến', 'Khánh', 'Việt', 'Toàn', 'Hiếu', 'Đạt'],
    },
    female: {
      middle: ['Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Hồng', 'Minh'],
      given: ['Hương', 'Lan', 'Hoa', 'Mai', 'Hằng', 'Thảo', 'Ngọc', 'Trang', 'Huyền', 'Nga', 'Yến', 'Hà', 'Linh', 'Phương', 'Thủy', 'Dung', 'Loan', 'Nhung'],
    },
  },
  Mông: {
    surnames: ['Giàng', 'Giàng', 'Sùng', 'Vàng', 'Lý', 'Thào', 'Mùa', 'Hạng', 'Lầu', 'Ly', 'Chang', 'Vừ', 'Má'],
    male: {
      middle: ['A', 'A', 'Seo', 'Văn', 'Chứ'],
      given: ['Sử', 'Chư', 'Dế', 'Pao', 'Sình', 'Chứ', 'Lử', 'Páo', 'Tủa', 'Lùng', 'Dơ', 'Thề', 'Sài', 'Của', 'Vảng', 'Sáy'],
    },
    female: { middle: ['Thị'], given: ['Mỷ', 'Dợ', 'Sua', 'Mai', 'Chư', 'Ninh', 'Pằng', 'Dua', 'Sinh', 'Xá', 'Dở', 'Mỉ'] },
  },
  Thái: {
    surnames: ['Lò', 'Lò', 'Lường', 'Tao', 'Điêu', 'Cầm', 'Quàng', 'Lù', 'Vì', 'Tòng', 'Hoàng'],
    male: { middle: ['Văn'], given: ['Thanh', 'Pọm', 'Ơn', 'Xiêng', 'Khăm', 'Panh', 'Ún', 'Chăn', 'Biên', 'Dũng', 'Tiến', 'Hặc', 'Kiên', 'Inh', 'Phóng', 'Nọi'] },
    female: { middle: ['Thị'], given: ['Ín', 'Xuân', 'Phóng', 'Ọn', 'Bun', 'Lả', 'Hoa', 'Thoa', 'Sen', 'Khuyên', 'Noọng', 'Ênh', 'Lai', 'Pánh'] },
  },
  Dao: {
    surnames: ['Tẩn', 'Tẩn', 'Phàn', 'Chảo', 'Lý', 'Đặng', 'Triệu', 'Tả', 'Phùn'],
    male: { middle: ['Láo', 'Văn', 'Sành', 'Mý', 'Kiều', 'A'], given: ['Sài', 'Chàn', 'Sử', 'Tả', 'Quẩy', 'Phủ', 'Lở', 'Chiêu', 'Sinh', 'Lìn', 'Chòi', 'Vần'] },
    female: { middle: ['Thị', 'Thị', 'Mý', 'Xuân'], given: ['Mẩy', 'Lở', 'Chạ', 'Sinh', 'Dín', 'Pham', 'Mai', 'Chang', 'Xiêm', 'Chiêu'] },
  },
  'Hà Nhì': {
    surnames: ['Lỳ', 'Chu', 'Pờ', 'Sừng', 'Lò', 'Phu', 'Lù', 'Phìn', 'Cà'],
    male: { middle: ['Giờ', 'Gò', 'Xá', 'Hừ', 'Phì', 'Chà', 'Văn'], given: ['Chừ', 'Xá', 'Phà', 'Hừ', 'Gia', 'Gó', 'Ngừ', 'Thò', 'Lé', 'Sò'] },
    female: { middle: ['Thị', 'Mé', 'Mỳ', 'Mi'], given: ['Xé', 'Dọ', 'Ché', 'Pứ', 'Phà', 'Sừ', 'Xó', 'Gạ'] },
  },
  Giáy: {
    surnames: ['Hoàng', 'Vương', 'Lò', 'Lù', 'Lương', 'Sằn', 'Hà', 'Giàng'],
    male: { middle: ['Văn', 'Văn', 'Seo'], given: ['Chiến', 'Đại', 'Phủ', 'Nhỉ', 'Sang', 'Thành', 'Pao', 'Sáo', 'Dìn', 'Quyết'] },
    female: { middle: ['Thị'], given: ['Sáu', 'Thu', 'Dung', 'Nga', 'Nhài', 'Mấy', 'Lan', 'Vân'] },
  },
  Lự: {
    surnames: ['Lò', 'Tao', 'Chẻo', 'Đao', 'Pòng', 'Lường'],
    male: { middle: ['Văn'], given: ['Khăm', 'Phanh', 'Sươi', 'Ỏn', 'Bun', 'Ún', 'Xiêng', 'Hom'] },
    female: { middle: ['Thị'], given: ['Bua', 'Ón', 'Pẻng', 'Nọi', 'Xoan', 'Hom', 'Lả'] },
  },
  'Khơ Mú': {
    surnames: ['Lò', 'Quàng', 'Vì', 'Lường', 'Cầm', 'Lù'],
    male: { middle: ['Văn'], given: ['Thịnh', 'Khoa', 'Cương', 'Ánh', 'Ơn', 'Thiện', 'Bun', 'Hặc'] },
    female: { middle: ['Thị'], given: ['Thoa', 'Ánh', 'Ngân', 'Bua', 'Duyên', 'Phương'] },
  },
};
