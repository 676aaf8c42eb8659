import { registerEnumType } from 'type-graphql';
import { MemberEventKind, MembershipKind, RemovalKind, TransferState } from '../entities/member-lifecycle-enums';
import { TransferDirection } from '../services/members/transfer-queries';

/** Member lifecycle enums with English and Vietnamese descriptions. Imported once by build-schema. */
registerEnumType(MemberEventKind, {
  name: 'MemberEventKind',
  description: "Kind of event in a member's history (sự kiện trong quá trình đảng viên).",
  valuesConfig: {
    ADMITTED: { description: 'Admitted to the party, as a probationary member (kết nạp).' },
    RECOGNISED_OFFICIAL: { description: 'Recognised as an official member (công nhận đảng viên chính thức).' },
    PROBATION_EXTENDED: { description: 'Probation extended (kéo dài thời gian dự bị).' },
    PROBATION_FAILED: { description: 'Not recognised at the end of probation: removed (xóa tên đảng viên dự bị).' },
    TRANSFER_SENT: { description: 'Transfer sent by the old cell (giới thiệu chuyển sinh hoạt đảng).' },
    TRANSFER_RECEIVED: { description: 'Transfer received by the new cell (tiếp nhận sinh hoạt đảng).' },
    TRANSFER_CANCELLED: { description: 'Transfer called off before receipt (hủy chuyển sinh hoạt đảng).' },
    TEMPORARY_ENDED: { description: 'A temporary attachment ended (kết thúc sinh hoạt tạm thời).' },
    EXEMPTED: { description: 'Exempted from work and meetings (miễn công tác và sinh hoạt đảng).' },
    EXEMPTION_ENDED: { description: 'Exemption ended (thôi miễn công tác và sinh hoạt đảng).' },
    REMOVED: { description: 'Removed: struck off or put out of the party (xóa tên, đưa ra khỏi Đảng).' },
    EXPELLED: { description: 'Expelled as discipline (khai trừ).' },
    DIED: { description: 'Died (từ trần).' },
    REORGANISED: { description: 'The cell was merged or split; membership continues in the successor cell (sáp nhập, chia tách chi bộ).' },
    DISCIPLINED: { description: 'Disciplined after an inspection: reprimand, warning or dismissal; expulsion is EXPELLED (kỷ luật).' },
  },
});

registerEnumType(MembershipKind, {
  name: 'MembershipKind',
  description: 'Official membership of a cell, or temporary attachment to another (sinh hoạt chính thức / tạm thời).',
  valuesConfig: {
    OFFICIAL: { description: "The member's one official cell (sinh hoạt đảng chính thức)." },
    TEMPORARY: { description: 'Temporary attachment: the member attends this cell for a while, the official cell keeps them (sinh hoạt đảng tạm thời).' },
  },
});

registerEnumType(TransferState, {
  name: 'MemberTransferState',
  description: 'Where a transfer stands (trạng thái chuyển sinh hoạt đảng).',
  valuesConfig: {
    SENT: { description: 'Sent by the old cell, not yet received; the member still belongs to the old cell (đã giới thiệu).' },
    RECEIVED: { description: 'Received by the new cell (đã tiếp nhận).' },
    CANCELLED: { description: 'Called off before receipt (đã hủy).' },
  },
});

registerEnumType(RemovalKind, {
  name: 'RemovalKind',
  description: 'Ways of removal that are not discipline.',
  valuesConfig: {
    STRUCK_OFF: { description: 'Struck off the roll (xóa tên khỏi danh sách đảng viên).' },
    PUT_OUT: { description: 'Put out of the party (đưa ra khỏi Đảng).' },
  },
});

registerEnumType(TransferDirection, {
  name: 'TransferDirection',
  description: 'Into or out of a unit (chuyển đến / chuyển đi).',
  valuesConfig: {
    INCOMING: { description: 'Into the unit (chuyển đến).' },
    OUTGOING: { description: 'Out of the unit (chuyển đi).' },
  },
});
