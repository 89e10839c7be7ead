/**
 * Every error code of the SPEC (§10) with the Vietnamese sentence the interface shows for it.
 * One table, so that a refusal reads the same on every page.
 */
export const ERROR_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  UNAUTHENTICATED: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu. Có thể nó đã bị xoá.',
  CONFLICT: 'Thao tác trùng với dữ liệu đã có. Vui lòng kiểm tra lại.',
  STALE_VERSION: 'Phiếu đã được người khác sửa. Tải lại để xem bản mới nhất.',
  INVALID_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phiếu.',
  PERIOD_CLOSED: 'Kỳ đánh giá đã khoá.',
  ROLLUP_RUNNING:
    'Đang có một lượt tổng hợp của kỳ này chạy. Vui lòng chờ lượt đó kết thúc rồi thử lại.',
  IMPORT_REJECTED: 'Tệp có dòng không hợp lệ; chưa có dữ liệu nào được ghi.',
  RATE_LIMITED: 'Thử lại sau 1 phút',
  PAYLOAD_TOO_LARGE: 'Tệp hoặc dữ liệu gửi lên quá lớn.',
  HEADERS_TOO_LARGE: 'Địa chỉ hoặc dữ liệu gửi kèm yêu cầu quá dài.',
  INTERNAL_ERROR: 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
  NETWORK: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
};

/** The message for a code; unknown codes fall back to the generic one. */
export function messageOf(code: string | undefined): string {
  return (code && ERROR_MESSAGES[code]) || ERROR_MESSAGES.INTERNAL_ERROR;
}
