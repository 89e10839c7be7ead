import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NoPermissionPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="Bạn không có quyền xem trang này"
      subTitle="Trang này dành cho vai trò khác. Nếu bạn cần dùng nó, hãy liên hệ quản trị hệ thống."
      extra={
        // A button, not a button inside a link: one control for keyboards and screen readers.
        <Button type="primary" onClick={() => navigate('/')}>
          Về trang chủ
        </Button>
      }
    />
  );
}
