import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không có trong hệ thống. Có thể đường dẫn đã cũ hoặc gõ nhầm."
      extra={
        // A button, not a button inside a link: one control for keyboards and screen readers.
        <Button type="primary" onClick={() => navigate('/')}>
          Về trang chủ
        </Button>
      }
    />
  );
}
