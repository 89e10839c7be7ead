import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NoPermissionPage() {
  return (
    <Result
      status="403"
      title="Bạn không có quyền xem trang này"
      subTitle="Trang này dành cho vai trò khác. Nếu bạn cần dùng nó, hãy liên hệ quản trị hệ thống."
      extra={
        <Link to="/">
          <Button type="primary">Về trang chủ</Button>
        </Link>
      }
    />
  );
}
