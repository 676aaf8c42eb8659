import { registerEnumType } from 'type-graphql';
import { ChainBreakReason } from '../services/audit-log/chain-verification';

/** Audit enums with English and Vietnamese descriptions. Imported by the audit types. */
registerEnumType(ChainBreakReason, {
  name: 'AuditChainBreakReason',
  description: 'Why an audit chain does not verify (lý do chuỗi nhật ký không toàn vẹn).',
  valuesConfig: {
    HASH_MISMATCH: { description: "The entry's content no longer gives its hash: it was changed (nội dung bị sửa)." },
    LINK_MISMATCH: { description: 'The entry does not link to the entry before it: one was removed, inserted or replaced (liên kết bị đứt).' },
    SEQUENCE_GAP: { description: 'Positions are not consecutive: an entry is missing (thiếu bản ghi).' },
    HEAD_MISMATCH: { description: 'The chain ends before its recorded head: entries were cut off the end (mất bản ghi cuối).' },
  },
});
